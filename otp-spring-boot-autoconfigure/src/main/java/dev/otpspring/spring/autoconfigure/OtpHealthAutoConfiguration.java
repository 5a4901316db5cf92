package dev.otpspring.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.spring.OtpSupervisionTree;
import dev.otpspring.spring.actuate.OtpHealthIndicator;

/** The {@code otp} health indicator ({@code management.health.otp.enabled}). */
@AutoConfiguration(after = OtpAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(OtpSupervisionTree.class)
@ConditionalOnEnabledHealthIndicator("otp")
public final class OtpHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "otpHealthIndicator")
	OtpHealthIndicator otpHealthIndicator(OtpSupervisionTree tree, OtpRuntime runtime) {
		return new OtpHealthIndicator(tree, runtime);
	}

}
