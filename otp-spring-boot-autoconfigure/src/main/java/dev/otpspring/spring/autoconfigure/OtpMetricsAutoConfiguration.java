package dev.otpspring.spring.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.spring.OtpSupervisionTree;
import dev.otpspring.spring.metrics.OtpMetrics;

/** Micrometer meters for the runtime and the tree, when a {@link MeterRegistry} is present. */
@AutoConfiguration(after = OtpAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, OtpSupervisionTree.class })
public final class OtpMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OtpMetrics otpMetrics(MeterRegistry registry, OtpRuntime runtime, OtpSupervisionTree tree) {
		return new OtpMetrics(registry, runtime, tree);
	}

}
