package dev.otpspring.spring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.spring.OtpSupervisionTree;
import dev.otpspring.spring.SupervisorEventLog;
import dev.otpspring.spring.SupervisorEventPublisher;

/**
 * Auto-configuration of the OTP runtime and the supervision tree: finds {@code @GenServer},
 * {@code @Supervised}, Agent and supervisor definitions, validates the tree when the context
 * refreshes, and starts it before the web server takes traffic.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "otp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OtpProperties.class)
public final class OtpAutoConfiguration {

	@Bean
	static OtpBeanRegistrar otpBeanRegistrar() {
		return new OtpBeanRegistrar();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	OtpRuntime otpRuntime(OtpProperties properties, ObjectProvider<OtpRuntimeCustomizer> customizers) {
		OtpRuntime.Builder builder = OtpRuntime.builder()
			.logStateInCrashReports(properties.getCrashReports().isIncludeState());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	SupervisorEventLog supervisorEventLog(OtpRuntime runtime, OtpProperties properties) {
		return new SupervisorEventLog(runtime, properties.getEventLogSize());
	}

	@Bean
	@ConditionalOnMissingBean
	SupervisorEventPublisher supervisorEventPublisher(OtpRuntime runtime, ApplicationEventPublisher publisher) {
		return new SupervisorEventPublisher(runtime, publisher);
	}

	@Bean
	@ConditionalOnMissingBean
	OtpSupervisionTree otpSupervisionTree(OtpRuntime runtime, ConfigurableListableBeanFactory beanFactory,
			OtpProperties properties, ApplicationEventPublisher publisher) {
		return new OtpSupervisionTree(runtime, new TreePlanner(beanFactory, properties), publisher,
				properties.getRoot().getOnGiveUp());
	}

}
