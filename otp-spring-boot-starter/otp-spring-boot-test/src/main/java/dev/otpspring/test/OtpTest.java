package dev.otpspring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test slice for OTP code, like {@code @DataJpaTest} for repositories: it starts the OTP
 * auto-configuration and the supervision tree from {@code otp.*} properties with only the
 * application's processes — {@code @GenServer} and {@code @Supervised} classes, and configuration
 * classes declaring {@code @Supervised} beans, Agent or supervisor definitions. Controllers,
 * services and other components are left out; bring one in with {@code @Import}.
 * <p>
 * The runtime runs on a {@link dev.otpspring.process.ManualScheduler}, a bean the test injects
 * to move time: timers, inactivity timeouts and restart windows fire only when it says so.
 *
 * <pre>{@code
 * @OtpTest
 * class CounterTests {
 *
 *     @Autowired Counter counter;
 *     @Autowired OtpRuntime runtime;
 *
 *     @Test
 *     void aCrashRestartsTheCounterAtZero() {
 *         try (SupervisorEventRecorder events = SupervisorEventRecorder.start(runtime)) {
 *             counter.inc();
 *             counter.crash();
 *             RestartAssert.assertThat(events).restartedChild("counter").times(1);
 *             assertThat(counter.value()).isZero();
 *         }
 *     }
 *
 * }
 * }</pre>
 *
 * The context is cached across test classes with the same configuration, as in every Spring
 * test, so one test's processes live on into the next: restart them or use
 * {@code @DirtiesContext} where that matters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(OtpTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(OtpTypeExcludeFilter.class)
@ImportAutoConfiguration
public @interface OtpTest {

	/** Properties in {@code key=value} form added to the environment before the test runs. */
	String[] properties() default {};

	/**
	 * Whether the runtime runs on a manual clock, injectable as a
	 * {@link dev.otpspring.process.ManualScheduler} bean; {@code false} for the system clock.
	 */
	@PropertyMapping("otp.test.manual-clock")
	boolean manualClock() default true;

	/** Whether the default includes (OTP processes and their configurations) apply; filters add to them. */
	boolean useDefaultFilters() default true;

	/** More components to include. */
	Filter[] includeFilters() default {};

	/** Components to leave out. */
	Filter[] excludeFilters() default {};

	/** Auto-configurations to leave out. */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}
