package dev.otpspring.process;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Monitors (R13.4) and their forms for plain code: {@link OtpRuntime#watch} and {@code awaitExit}. */
class MonitorTest {

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	// R13.4
	@Test
	void aMonitorDeliversExactlyOneDownWithTheExitReason() {
		TestProbe watcher = TestProbe.spawn(this.runtime);
		TestProbe target = TestProbe.spawn(this.runtime);
		MonitorRef ref = watcher.monitor(target.pid());

		target.exitWith(ExitReason.of("boom"));

		assertThat(watcher.expect(Down.class)).isEqualTo(new Down(ref, target.pid(), ExitReason.of("boom")));
		watcher.expectNoMessage();
	}

	// R13.4
	@Test
	void monitoringADeadProcessQueuesDownNoprocAtOnce() {
		TestProbe watcher = TestProbe.spawn(this.runtime);
		TestProbe dead = TestProbe.spawn(this.runtime);
		this.runtime.exit(dead.pid(), ExitReason.KILL);

		int queuedWhenMonitorReturned = watcher.inside(() -> {
			Self.monitor(dead.pid());
			return this.runtime.info(Self.pid()).orElseThrow().mailboxDepth();
		});

		assertThat(queuedWhenMonitorReturned).isEqualTo(1);
		Down down = watcher.expect(Down.class);
		assertThat(down.pid()).isEqualTo(dead.pid());
		assertThat(down.reason()).isEqualTo(ExitReason.NOPROC);
	}

	// R13.4
	@Test
	void monitorsStackAndEachDeliversItsOwnDown() {
		TestProbe watcher = TestProbe.spawn(this.runtime);
		TestProbe target = TestProbe.spawn(this.runtime);
		MonitorRef first = watcher.monitor(target.pid());
		MonitorRef second = watcher.monitor(target.pid());

		target.exitWith(ExitReason.SHUTDOWN);

		assertThat(watcher.expectMessages(2)).containsExactlyInAnyOrder(
				new Down(first, target.pid(), ExitReason.SHUTDOWN), new Down(second, target.pid(), ExitReason.SHUTDOWN));
		watcher.expectNoMessage();
	}

	// R13.4
	@Test
	void afterDemonitorNoDownArrives() {
		TestProbe watcher = TestProbe.spawn(this.runtime);
		TestProbe target = TestProbe.spawn(this.runtime);
		MonitorRef ref = watcher.monitor(target.pid());

		boolean wasActive = watcher.inside(() -> Self.demonitor(ref));
		this.runtime.exit(target.pid(), ExitReason.KILL);

		assertThat(wasActive).isTrue();
		watcher.expectNoMessage();
	}

	// R13.4
	@Test
	void demonitorDropsADownThatIsAlreadyQueued() {
		TestProbe watcher = TestProbe.spawn(this.runtime);
		TestProbe target = TestProbe.spawn(this.runtime);
		MonitorRef ref = watcher.monitor(target.pid());

		int queuedBeforeDemonitor = watcher.inside(() -> {
			this.runtime.exit(target.pid(), ExitReason.KILL); // the Down is queued synchronously
			int queued = this.runtime.info(Self.pid()).orElseThrow().mailboxDepth();
			Self.demonitor(ref);
			return queued;
		});

		assertThat(queuedBeforeDemonitor).isEqualTo(1);
		watcher.expectNoMessage();
	}

	// R13.4
	@Test
	void demonitorAfterTheDownWasHandledReportsFalse() {
		TestProbe watcher = TestProbe.spawn(this.runtime);
		TestProbe target = TestProbe.spawn(this.runtime);
		MonitorRef ref = watcher.monitor(target.pid());
		target.exitWith(ExitReason.NORMAL);
		watcher.expect(Down.class);

		assertThat(watcher.inside(() -> Self.demonitor(ref))).isFalse();
	}

	// R13.4
	@Test
	void theMonitoredProcessIsUnaffectedByTheDeathOfTheMonitoringProcess() {
		TestProbe watcher = TestProbe.spawn(this.runtime);
		TestProbe target = TestProbe.spawn(this.runtime);
		watcher.monitor(target.pid());
		ExitRecorder watcherExit = ExitRecorder.watch(watcher.pid());

		watcher.crash(new IllegalStateException("boom"));

		assertThat(watcherExit.reason()).isInstanceOf(ExitReason.Crash.class);
		assertThat(this.runtime.isAlive(target.pid())).isTrue();
		target.expectNoMessage();
	}

	// R13.4
	@Test
	void aMonitoringProcessThatExitsLeavesNoMonitorOnItsTarget() {
		TestProbe watcher = TestProbe.spawn(this.runtime);
		TestProbe target = TestProbe.spawn(this.runtime);
		watcher.monitor(target.pid());
		watcher.monitor(target.pid());
		assertThat(this.runtime.info(target.pid()).orElseThrow().observers()).isEqualTo(2);
		ExitRecorder watcherExit = ExitRecorder.watch(watcher.pid());

		watcher.crash(new IllegalStateException("boom"));

		watcherExit.reason();
		// as in Erlang, a dead process monitors nothing: a long-lived target does not collect them
		assertThat(this.runtime.info(target.pid()).orElseThrow().observers()).isZero();
	}

	// R13.4
	@Test
	void theMonitoringProcessIsNotKilledByTheMonitoredProcessCrash() {
		TestProbe watcher = TestProbe.spawn(this.runtime);
		TestProbe target = TestProbe.spawn(this.runtime);
		watcher.monitor(target.pid());

		target.crash(new IllegalStateException("boom"));

		assertThat(watcher.expect(Down.class).reason()).isInstanceOf(ExitReason.Crash.class);
		assertThat(this.runtime.isAlive(watcher.pid())).isTrue();
	}

	@Test
	void demonitorOfAnotherProcessesMonitorIsRefused() {
		TestProbe watcher = TestProbe.spawn(this.runtime);
		TestProbe stranger = TestProbe.spawn(this.runtime);
		MonitorRef ref = watcher.monitor(stranger.pid());

		assertThatThrownBy(() -> stranger.inside(() -> Self.demonitor(ref)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	// R13.4, for code outside processes
	@Test
	void aWatchCallsItsListenerOnceWithTheExitReason() {
		TestProbe target = TestProbe.spawn(this.runtime);
		AtomicInteger calls = new AtomicInteger();
		this.runtime.watch(target.pid(), (pid, reason) -> calls.incrementAndGet());
		ExitRecorder exit = ExitRecorder.watch(target.pid()); // told after the first: in order of watching

		target.exitWith(ExitReason.of("boom"));

		assertThat(exit.reason()).isEqualTo(ExitReason.of("boom"));
		this.runtime.exit(target.pid(), ExitReason.KILL);
		assertThat(calls).hasValue(1);
	}

	// R13.4
	@Test
	void watchingADeadProcessCallsTheListenerWithNoprocBeforeWatchReturns() {
		TestProbe dead = TestProbe.spawn(this.runtime);
		this.runtime.exit(dead.pid(), ExitReason.KILL);
		ExitReason[] told = new ExitReason[1];

		this.runtime.watch(dead.pid(), (pid, reason) -> told[0] = reason);

		assertThat(told[0]).isEqualTo(ExitReason.NOPROC);
	}

	@Test
	void aCancelledWatchIsNeverCalled() {
		TestProbe target = TestProbe.spawn(this.runtime);
		AtomicInteger calls = new AtomicInteger();
		Watch watch = this.runtime.watch(target.pid(), (pid, reason) -> calls.incrementAndGet());

		boolean cancelled = watch.cancel();
		this.runtime.exit(target.pid(), ExitReason.KILL);

		assertThat(cancelled).isTrue();
		assertThat(calls).hasValue(0);
	}

	@Test
	void awaitExitReturnsTheExitReason() {
		TestProbe target = TestProbe.spawn(this.runtime);
		Thread.ofVirtual().start(() -> {
			// once awaitExit below has registered its watch
			await().atMost(TestProbe.TIMEOUT)
				.until(() -> this.runtime.info(target.pid()).map(ProcessInfo::observers).orElse(0) == 1);
			this.runtime.exit(target.pid(), ExitReason.of("boom"));
		});

		assertThat(this.runtime.awaitExit(target.pid(), TestProbe.TIMEOUT)).contains(ExitReason.of("boom"));
	}

	@Test
	void awaitExitOfADeadProcessReturnsNoproc() {
		TestProbe dead = TestProbe.spawn(this.runtime);
		this.runtime.exit(dead.pid(), ExitReason.KILL);

		assertThat(this.runtime.awaitExit(dead.pid(), TestProbe.TIMEOUT)).contains(ExitReason.NOPROC);
	}

	@Test
	void awaitExitOfALiveProcessIsEmptyAfterTheTimeout() {
		TestProbe alive = TestProbe.spawn(this.runtime);

		assertThat(this.runtime.awaitExit(alive.pid(), Duration.ofMillis(20))).isEmpty();
		assertThat(this.runtime.info(alive.pid()).orElseThrow().observers()).isZero();
	}

}
