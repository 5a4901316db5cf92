package dev.otpspring.reliability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.otpspring.genserver.CallTimeoutException;
import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.genserver.NoReply;
import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.genserver.Reply;
import dev.otpspring.genserver.StartResult;
import dev.otpspring.genserver.TestServer;
import dev.otpspring.process.Down;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.ExitRecorder;
import dev.otpspring.process.Gate;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.TestProbe;
import dev.otpspring.supervisor.ChildSpec;
import dev.otpspring.supervisor.Shutdown;
import dev.otpspring.supervisor.Strategy;
import dev.otpspring.supervisor.Supervisor;
import dev.otpspring.supervisor.SupervisorSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Code that misbehaves is contained: a handler that throws an {@link Error} or blocks forever, a
 * listener or observer that throws. The offending process fails, typed, or is restarted or killed
 * by its supervisor; its callers are released; nothing else is affected.
 */
class MisbehavingCodeTest {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void close() {
		this.runtime.close();
	}

	/** Unbounded recursion: a real {@link StackOverflowError}. */
	private static int recurse(int depth) {
		return recurse(depth + 1) + 1;
	}

	/** A permanent, named {@link TestServer} child; {@code server} supplies the instance of each start. */
	private static ChildSpec child(String name, Supplier<TestServer> server) {
		return ChildSpec.worker(name, () -> GenServer.startLink(server.get(), GenServerOptions.named(name)));
	}

	private Supervisor supervise(ChildSpec... children) {
		SupervisorSpec spec = SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(children));
		return Supervisor.of(Supervisor.start(this.runtime, spec).pid());
	}

	private Pid awaitRestart(String name, Pid old) {
		return Awaitility.await()
			.atMost(PATIENCE)
			.until(() -> this.runtime.whereis(name), (pid) -> pid != null && !pid.equals(old));
	}

	private static <T> CompletableFuture<T> inBackground(Supplier<T> call) {
		CompletableFuture<T> result = new CompletableFuture<>();
		Thread.ofPlatform().name("misbehaving-caller").start(() -> {
			try {
				result.complete(call.get());
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		});
		return result;
	}

	// R11.2, R2.1, R4.1, R4.6
	@Test
	void aStackOverflowInAHandlerCrashesOnlyThatServerWhichItsSupervisorRestarts() {
		Supervisor supervisor = supervise(child("deep", TestServer::create), child("other", TestServer::create));
		Pid deep = this.runtime.whereis("deep");
		Pid other = this.runtime.whereis("other");
		GenServer.cast(deep, "changed");

		try (QuietLogs quiet = QuietLogs.silence()) {
			TestServer.CallStep overflow = (from, state) -> new Reply<>(recurse(0), state);
			assertThatThrownBy(() -> GenServer.call(deep, overflow))
				.isInstanceOfSatisfying(ProcessExitException.class,
						(ex) -> assertThat(ex.reason()).isInstanceOf(ExitReason.Crash.class))
				.hasCauseInstanceOf(StackOverflowError.class);
			Pid restarted = awaitRestart("deep", deep);
			assertThat(GenServer.call(restarted, TestServer.STATE)).isEqualTo("initial"); // fresh state

			ExitRecorder exit = ExitRecorder.watch(restarted);
			GenServer.cast(restarted, (TestServer.Step) (state) -> new NoReply<>(recurse(0)));
			assertThat(exit.reason()).isInstanceOfSatisfying(ExitReason.Crash.class,
					(crash) -> assertThat(crash.cause()).isInstanceOf(StackOverflowError.class));
			assertThat(GenServer.call(awaitRestart("deep", restarted), "still there?")).isEqualTo("still there?");
		}
		assertThat(this.runtime.whereis("other")).isEqualTo(other);
		assertThat(GenServer.call(other, "unaffected?")).isEqualTo("unaffected?");
		assertThat(this.runtime.isAlive((Pid) supervisor.ref())).isTrue();
	}

	// R10.1: a failed start is a value for the starter
	@Test
	void anErrorInInitFailsTheStartAsAValueAndLeavesNoProcess() {
		long processes = this.runtime.processCount();
		StartResult result;
		try (QuietLogs quiet = QuietLogs.silence()) {
			result = GenServer.start(this.runtime, TestServer.withInit(() -> {
				recurse(0);
				return null;
			}));
		}
		assertThat(result).isInstanceOfSatisfying(StartResult.Error.class,
				(error) -> assertThat(error.reason()).isInstanceOfSatisfying(ExitReason.Crash.class,
						(crash) -> assertThat(crash.cause()).isInstanceOf(StackOverflowError.class)));
		Awaitility.await().atMost(PATIENCE).until(this.runtime::processCount, (count) -> count == processes);
	}

	// R11.3, R7.2, R11.2, R12.2
	@Test
	void aHandlerBlockedForeverTimesItsCallersOutAndIsKilledAtItsShutdownTimeout() throws InterruptedException {
		TestServer stuckServer = TestServer.trappingExits(); // so the shutdown waits in its mailbox
		ChildSpec stuck = child("stuck", () -> stuckServer).withShutdown(Shutdown.timeout(Duration.ofMillis(200)));
		Supervisor supervisor = supervise(stuck, child("other", TestServer::create));
		Pid pid = this.runtime.whereis("stuck");
		Pid other = this.runtime.whereis("other");
		ExitRecorder exit = ExitRecorder.watch(pid);
		CountDownLatch blocked = new CountDownLatch(1);
		TestServer.CallStep blockForever = (from, state) -> {
			blocked.countDown();
			new CountDownLatch(1).await(); // forever: only an interrupt (a kill) ends it
			return new Reply<>("never", state);
		};
		CompletableFuture<Object> inFlight = inBackground(() -> GenServer.call(pid, blockForever, GenServerOptions.INFINITY));
		assertThat(blocked.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

		assertThatThrownBy(() -> GenServer.call(pid, "anyone there?", Duration.ofMillis(100)))
			.isInstanceOf(CallTimeoutException.class)
			.hasMessageContaining("100 ms");
		assertThat(supervisor.terminateChild("stuck")).isTrue();

		assertThat(exit.reason()).isEqualTo(ExitReason.KILLED);
		assertThat(inFlight).failsWithin(PATIENCE)
			.withThrowableThat()
			.havingCause()
			.isInstanceOfSatisfying(ProcessExitException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(ExitReason.KILLED));
		assertThat(stuckServer.terminations()).isEmpty(); // killed: terminate never ran
		assertThat(this.runtime.whereis("other")).isEqualTo(other);
		assertThat(this.runtime.isAlive((Pid) supervisor.ref())).isTrue();
	}

	// R7.3, R12.2
	@Test
	void aBlockedHandlerThatDoesNotTrapExitsEndsAtOnceOnShutdownAndLeavesNoThread() {
		Supervisor supervisor = supervise(child("stuck", TestServer::create));
		Pid pid = this.runtime.whereis("stuck");
		ExitRecorder exit = ExitRecorder.watch(pid);
		Gate gate = new Gate();
		GenServer.cast(pid, (TestServer.Step) (state) -> {
			gate.pass(); // until interrupted
			return new NoReply<>(state);
		});
		gate.awaitEntered();

		assertThat(supervisor.terminateChild("stuck")).isTrue();

		assertThat(exit.reason()).isEqualTo(ExitReason.SHUTDOWN);
		Gate.join(gate.holder()); // the interrupted handler has ended: no thread is left behind
	}

	// R13.4
	@Test
	void aThrowingExitListenerNeitherFailsTheExitNorKeepsOthersFromHearingOfIt() {
		TestProbe target = TestProbe.spawn(this.runtime);
		TestProbe monitor = TestProbe.spawn(this.runtime);
		this.runtime.watch(target.pid(), (pid, reason) -> {
			throw new IllegalStateException("a listener's bug");
		});
		monitor.monitor(target.pid());
		ExitRecorder later = ExitRecorder.watch(target.pid());

		try (QuietLogs quiet = QuietLogs.silence()) {
			assertThat(this.runtime.exit(target.pid(), ExitReason.KILL)).isTrue();
		}

		assertThat(monitor.expect(Down.class).reason()).isEqualTo(ExitReason.KILLED);
		assertThat(later.reason()).isEqualTo(ExitReason.KILLED);
	}

	@Test
	void aThrowingCallObserverCostsNoCallerItsReply() throws Exception {
		Pid server = TestServer.create().start(this.runtime);
		AtomicInteger observed = new AtomicInteger();
		try (AutoCloseable broken = GenServer.observeCalls(this.runtime, (ref, request, nanos, failure) -> {
			throw new IllegalStateException("a metrics bug");
		});
				AutoCloseable counting = GenServer.observeCalls(this.runtime,
						(ref, request, nanos, failure) -> observed.incrementAndGet());
				QuietLogs quiet = QuietLogs.silence()) {
			assertThat(GenServer.call(server, "question")).isEqualTo("question");
			assertThat(GenServer.callAsync(server, "again", PATIENCE).get()).isEqualTo("again");
			Awaitility.await().atMost(PATIENCE).until(observed::get, (count) -> count == 2);
		}
	}

}
