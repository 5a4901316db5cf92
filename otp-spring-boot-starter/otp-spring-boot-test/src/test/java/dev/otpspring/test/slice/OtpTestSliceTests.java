package dev.otpspring.test.slice;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.process.ManualScheduler;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.test.OtpTest;
import dev.otpspring.test.RestartAssert;
import dev.otpspring.test.SupervisorEventRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link OtpTest @OtpTest}: only the OTP processes, on a manual clock, with the properties kept. */
@OtpTest(properties = "otp.crash-reports.include-state=true")
class OtpTestSliceTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private OtpRuntime runtime;

	@Autowired
	private ManualScheduler clock;

	@Autowired
	private Greeter greeter;

	@Test
	void includesTheProcessesAndTheirConfigurations() {
		assertThat(this.context.getBean("greeter")).isInstanceOf(Greeter.class);
		assertThat(this.context.getBeansOfType(TickerConfiguration.class)).hasSize(1);
		assertThat(this.runtime.whereis("greeter")).isNotNull();
		assertThat(this.runtime.whereis("ticker")).isNotNull();
	}

	@Test
	void leavesOutPlainServicesAndControllers() {
		assertThat(this.context.getBeansOfType(PlainService.class)).isEmpty();
		assertThat(this.context.getBeansOfType(PlainController.class)).isEmpty();
	}

	@Test
	void greeterAnswersThroughItsProxy() {
		assertThat(this.greeter.greet("Joe")).startsWith("Hello Joe");
	}

	@Test
	void theRuntimeRunsOnTheInjectableManualClockAndKeepsThePropertySettings() {
		assertThat(this.runtime.scheduler()).isSameAs(this.clock);
		assertThat(this.runtime.logStateInCrashReports()).isTrue();
	}

	@Test
	void advancingTheClockFiresTheTickersTimer() {
		long before = ticks();
		for (int second = 1; second <= 3; second++) {
			this.clock.advance(Ticker.TICK);
			// the call is handled after the tick, and the ticker re-arms its timer in handling it
			assertThat(ticks()).isEqualTo(before + second);
		}
	}

	@Test
	void aCrashedGreeterIsRestartedInItsInitialState() {
		try (SupervisorEventRecorder events = SupervisorEventRecorder.start(this.runtime)) {
			this.greeter.crash();
			RestartAssert.assertThat(events).restartedChild("greeter").times(1);
			assertThat(this.greeter.greet("Mike")).isEqualTo("Hello Mike (#1)");
		}
	}

	private long ticks() {
		return (Long) GenServer.call(this.runtime.named("ticker"), "ticks", Duration.ofSeconds(5));
	}

}
