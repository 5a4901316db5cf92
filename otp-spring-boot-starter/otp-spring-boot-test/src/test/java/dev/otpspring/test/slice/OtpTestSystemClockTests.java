package dev.otpspring.test.slice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.otpspring.process.ManualScheduler;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.test.OtpTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @OtpTest(manualClock = false)}: the runtime keeps the system clock. */
@OtpTest(manualClock = false)
class OtpTestSystemClockTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private OtpRuntime runtime;

	@Test
	void theRuntimeRunsOnTheSystemClock() {
		assertThat(this.context.getBeansOfType(ManualScheduler.class)).isEmpty();
		assertThat(this.runtime.scheduler()).isNotInstanceOf(ManualScheduler.class);
	}

}
