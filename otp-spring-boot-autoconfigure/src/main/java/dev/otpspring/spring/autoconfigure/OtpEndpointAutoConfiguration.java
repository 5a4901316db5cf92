package dev.otpspring.spring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.spring.OtpSupervisionTree;
import dev.otpspring.spring.SupervisorEventLog;
import dev.otpspring.spring.actuate.OtpEndpoint;

/** The {@code /actuator/otp} endpoint, when Actuator is present and the endpoint is exposed. */
@AutoConfiguration(after = OtpAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(OtpSupervisionTree.class)
@ConditionalOnAvailableEndpoint(OtpEndpoint.class)
@EnableConfigurationProperties(OtpEndpointProperties.class)
public final class OtpEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OtpEndpoint otpEndpoint(OtpRuntime runtime, OtpSupervisionTree tree, SupervisorEventLog events,
			OtpEndpointProperties properties, ObjectProvider<SanitizingFunction> sanitizingFunctions) {
		return new OtpEndpoint(runtime, tree, events, new Sanitizer(sanitizingFunctions.orderedStream().toList()),
				properties.getShowState(), properties.getRoles());
	}

}
