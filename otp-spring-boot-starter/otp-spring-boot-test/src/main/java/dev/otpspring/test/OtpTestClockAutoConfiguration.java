package dev.otpspring.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.otpspring.process.ManualScheduler;
import dev.otpspring.spring.autoconfigure.OtpRuntimeCustomizer;

/**
 * Puts the runtime of an {@link OtpTest @OtpTest} on a manual clock, keeping every other setting:
 * a customizer, not a replacement runtime.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "otp.test.manual-clock", matchIfMissing = true)
class OtpTestClockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ManualScheduler otpManualScheduler() {
		return new ManualScheduler();
	}

	@Bean
	OtpRuntimeCustomizer otpManualClock(ManualScheduler clock) {
		return (builder) -> builder.scheduler(clock);
	}

}
