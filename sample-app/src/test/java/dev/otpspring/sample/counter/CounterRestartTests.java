package dev.otpspring.sample.counter;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.test.OtpTest;
import dev.otpspring.test.RestartAssert;
import dev.otpspring.test.SupervisorEventRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter under {@code @OtpTest}: only the OTP tree of the sample app starts (no web server,
 * no controllers), and a crash is followed by a restart in the initial state.
 */
@OtpTest
class CounterRestartTests {

	@Autowired
	private Counter counter;

	@Autowired
	private OtpRuntime runtime;

	@Test
	void aCrashedCounterIsRestartedAtZeroUnderANewPid() {
		try (SupervisorEventRecorder events = SupervisorEventRecorder.start(this.runtime)) {
			Pid before = this.runtime.whereis("counter");
			int start = this.counter.value();
			this.counter.inc();
			this.counter.inc();
			assertThat(this.counter.value()).isEqualTo(start + 2);

			this.counter.crash(); // a cast: returns at once, the process crashes afterwards

			RestartAssert.assertThat(events).restartedChild("counter").times(1).hasNotRestarted("ledger");
			assertThat(this.counter.value()).isZero();
			assertThat(this.runtime.whereis("counter")).isNotEqualTo(before);
		}
	}

}
