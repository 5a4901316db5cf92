package dev.otpspring.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import dev.otpspring.process.ManualScheduler;
import dev.otpspring.process.OtpRuntime;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link OtpRuntimeCustomizer} beans adjust the runtime built from the {@code otp.*} properties. */
class OtpRuntimeCustomizerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class));

	@Test
	void aCustomizerSwapsTheSchedulerAndThePropertyDerivedSettingsSurvive() {
		this.runner.withUserConfiguration(ManualClockConfiguration.class)
			.withPropertyValues("otp.crash-reports.include-state=true")
			.run((context) -> {
				OtpRuntime runtime = context.getBean(OtpRuntime.class);
				assertThat(runtime.scheduler()).isSameAs(context.getBean(ManualScheduler.class));
				assertThat(runtime.logStateInCrashReports()).isTrue();
			});
	}

	@Test
	void customizersRunInOrderSoTheLastOneWins() {
		this.runner.withUserConfiguration(OrderedCustomizersConfiguration.class).run((context) -> {
			OtpRuntime runtime = context.getBean(OtpRuntime.class);
			assertThat(runtime.scheduler()).isSameAs(context.getBean("second", ManualScheduler.class));
		});
	}

	@Test
	void withoutCustomizersTheRuntimeUsesTheSystemScheduler() {
		this.runner.run((context) -> assertThat(context.getBean(OtpRuntime.class).scheduler())
			.isNotInstanceOf(ManualScheduler.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class ManualClockConfiguration {

		@Bean
		ManualScheduler manualScheduler() {
			return new ManualScheduler();
		}

		@Bean
		OtpRuntimeCustomizer manualClock(ManualScheduler clock) {
			return (builder) -> builder.scheduler(clock);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizersConfiguration {

		@Bean
		ManualScheduler first() {
			return new ManualScheduler();
		}

		@Bean
		ManualScheduler second() {
			return new ManualScheduler();
		}

		// declared first, ordered last: the order comes from @Order, not from declaration
		@Bean
		@Order(2)
		OtpRuntimeCustomizer useSecond(ManualScheduler second) {
			return (builder) -> builder.scheduler(second);
		}

		@Bean
		@Order(1)
		OtpRuntimeCustomizer useFirst(ManualScheduler first) {
			return (builder) -> builder.scheduler(first);
		}

	}

}
