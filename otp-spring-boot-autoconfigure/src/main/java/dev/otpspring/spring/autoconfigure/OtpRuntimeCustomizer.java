package dev.otpspring.spring.autoconfigure;

import dev.otpspring.process.OtpRuntime;

/**
 * Customizes the {@link OtpRuntime} that the auto-configuration builds, after the settings from
 * {@code otp.*} properties have been applied: the way to change one setting (a test clock, say)
 * without losing the others.
 *
 * <pre>{@code
 * @Bean
 * OtpRuntimeCustomizer manualClock(ManualScheduler clock) {
 *     return (builder) -> builder.scheduler(clock);
 * }
 * }</pre>
 *
 * Every customizer bean is applied, in {@link org.springframework.core.annotation.Order @Order}
 * or {@link org.springframework.core.Ordered} order; a later one wins where two set the same
 * thing. Ignored when the application defines its own {@code OtpRuntime} bean.
 */
@FunctionalInterface
public interface OtpRuntimeCustomizer {

	/**
	 * Customizes the runtime's builder.
	 * @param builder the builder, already configured from the properties
	 */
	void customize(OtpRuntime.Builder builder);

}
