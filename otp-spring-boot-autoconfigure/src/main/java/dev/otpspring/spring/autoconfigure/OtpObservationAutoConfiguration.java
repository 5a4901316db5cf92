package dev.otpspring.spring.autoconfigure;

import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.spring.observation.OtpObservationConvention;
import dev.otpspring.spring.observation.OtpObservations;

/**
 * Observations of calls and casts, when an {@link ObservationRegistry} is present (Spring Boot
 * makes one with Actuator) and {@code otp.observations.enabled} is not {@code false}.
 */
@AutoConfiguration(after = OtpAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ObservationRegistry.class, ContextSnapshotFactory.class })
@ConditionalOnBean({ ObservationRegistry.class, OtpRuntime.class })
@ConditionalOnBooleanProperty(name = "otp.observations.enabled", matchIfMissing = true)
public final class OtpObservationAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	OtpObservations otpObservations(OtpRuntime runtime, ObservationRegistry registry,
			ObjectProvider<OtpObservationConvention> convention) {
		return new OtpObservations(runtime, registry, convention.getIfUnique(), Invocation::typeOf);
	}

}
