package dev.otpspring.genserver;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.ManualScheduler;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.TestProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R11.9: inactivity timeouts, on a {@link ManualScheduler} so time moves only by hand. A server
 * arms its timer just after it has acknowledged its start or sent its reply, as in OTP, so each
 * test waits until the timer is armed before it moves time.
 */
class GenServerIdleTimeoutTest {

	private static final Duration IDLE = Duration.ofSeconds(10);

	private final ManualScheduler time = new ManualScheduler();

	private final OtpRuntime runtime = OtpRuntime.builder().scheduler(this.time).build();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	// R11.9
	@Test
	void anIdleServerReceivesIdleTimeoutOnceTheTimeoutPasses() {
		int baseline = this.runtime.timerCount();
		TestServer behaviour = TestServer.withInit(() -> Init.ok("idle", Action.timeout(IDLE)));
		behaviour.start(this.runtime);
		awaitTimers(baseline + 1);

		this.time.advance(IDLE.minusNanos(1));
		assertThat(this.runtime.timerCount()).as("not yet fired").isEqualTo(baseline + 1);
		this.time.advance(Duration.ofNanos(1));

		assertThat(behaviour.nextInfo()).isEqualTo(IdleTimeout.INSTANCE);
		assertThat(this.runtime.timerCount()).isEqualTo(baseline);
	}

	// R11.9
	@Test
	void aTimeoutInAReplyArmsTheTimer() {
		int baseline = this.runtime.timerCount();
		TestServer behaviour = TestServer.create();
		Pid server = behaviour.start(this.runtime);

		GenServer.call(server, (TestServer.CallStep) (from, state) -> new Reply<>("ok", state, Action.timeout(IDLE)));
		awaitTimers(baseline + 1);
		this.time.advance(IDLE);

		assertThat(behaviour.nextInfo()).isEqualTo(IdleTimeout.INSTANCE);
	}

	// R11.9
	@Test
	void anyMessageCancelsTheIdleTimeout() {
		int baseline = this.runtime.timerCount();
		TestServer behaviour = TestServer.withInit(() -> Init.ok("idle", Action.timeout(IDLE)));
		Pid server = behaviour.start(this.runtime);

		GenServer.cast(server, "activity");
		GenServer.call(server, TestServer.STATE);
		this.time.advance(IDLE.multipliedBy(10));
		this.runtime.send(server, "marker");

		assertThat(behaviour.nextInfo()).isEqualTo("marker");
		assertThat(this.runtime.timerCount()).isEqualTo(baseline);
	}

	// R11.9
	@Test
	void aPlainInfoMessageAlsoCancelsTheIdleTimeout() {
		TestServer behaviour = TestServer.withInit(() -> Init.ok("idle", Action.timeout(IDLE)));
		Pid server = behaviour.start(this.runtime);

		this.runtime.send(server, "first");
		assertThat(behaviour.nextInfo()).isEqualTo("first");
		this.time.advance(IDLE.multipliedBy(10));
		this.runtime.send(server, "second");

		assertThat(behaviour.nextInfo()).isEqualTo("second");
	}

	// R11.9
	@Test
	void theTimeoutIsReArmedByEachResultThatAsksForIt() {
		int baseline = this.runtime.timerCount();
		TestServer behaviour = TestServer.withInit(() -> Init.ok("idle", Action.timeout(IDLE)));
		Pid server = behaviour.start(this.runtime);
		awaitTimers(baseline + 1);

		this.time.advance(IDLE.minusSeconds(1));
		GenServer.call(server, (TestServer.CallStep) (from, state) -> new Reply<>("ok", state, Action.timeout(IDLE)));
		awaitTimers(baseline + 1); // the first was cancelled by the call, the second armed after the reply
		this.time.advance(IDLE.minusSeconds(1));
		this.runtime.send(server, "marker");

		assertThat(behaviour.nextInfo()).isEqualTo("marker");
	}

	@Test
	void stoppingAServerCancelsItsIdleTimer() {
		int baseline = this.runtime.timerCount();
		Pid server = TestServer.withInit(() -> Init.ok("idle", Action.timeout(IDLE))).start(this.runtime);
		awaitTimers(baseline + 1);

		GenServer.stop(server);

		assertThat(this.runtime.timerCount()).isEqualTo(baseline);
	}

	@Test
	void killingAServerCancelsItsIdleTimer() {
		int baseline = this.runtime.timerCount();
		Pid server = TestServer.withInit(() -> Init.ok("idle", Action.timeout(IDLE))).start(this.runtime);
		awaitTimers(baseline + 1);

		this.runtime.exit(server, ExitReason.KILL);

		assertThat(this.runtime.timerCount()).isEqualTo(baseline);
	}

	private void awaitTimers(int count) {
		await().atMost(TestProbe.TIMEOUT).until(() -> this.runtime.timerCount() == count);
	}

}
