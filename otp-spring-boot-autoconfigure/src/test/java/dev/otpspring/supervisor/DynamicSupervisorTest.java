package dev.otpspring.supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Via;

import static dev.otpspring.supervisor.ChildProbe.Outcome.FAIL_INIT;
import static dev.otpspring.supervisor.ChildProbe.Outcome.IGNORE;
import static dev.otpspring.supervisor.SupervisionKit.await;
import static dev.otpspring.supervisor.SupervisionKit.eventually;
import static dev.otpspring.supervisor.SupervisionKit.inBackground;
import static dev.otpspring.supervisor.SupervisionKit.pid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DynamicSupervisor: children by Pid, restarted on their own, limited in number, stopped all at
 * once (R9.x, R4.7, R5.6, R7.6). Real time, with windows long enough never to expire in a test.
 */
@Timeout(60)
class DynamicSupervisorTest {

	private final SupervisionKit kit = SupervisionKit.withSystemClock();

	private final ChildProbe probe = this.kit.probe;

	private final AtomicInteger sessionStarts = new AtomicInteger();

	private final CountDownLatch never = new CountDownLatch(1);

	@AfterEach
	void close() throws Exception {
		this.never.countDown();
		this.kit.close();
	}

	private DynamicSupervisor start() {
		return start(DynamicSupervisorSpec.defaults().withIntensity(3, 3600));
	}

	private DynamicSupervisor start(DynamicSupervisorSpec spec) {
		return this.kit.startDynamic(spec);
	}

	/** An unnamed test worker: dynamic children are many of a kind. */
	private ChildSpec worker(String id) {
		return this.probe.spec(id, TestWorker.Options.DEFAULT.unnamed());
	}

	@Test
	void startChildStartsAChildListedWithoutId() {
		DynamicSupervisor supervisor = start();

		StartResult result = supervisor.startChild(worker("x"));

		// R9.2, R9.3: ids are not used
		assertThat(result).isInstanceOf(StartResult.Ok.class);
		assertThat(supervisor.whichChildren()).singleElement().satisfies((child) -> {
			assertThat(child.id()).isNull();
			assertThat(child.pid()).isEqualTo(result.pid());
			assertThat(child.status()).isEqualTo(ChildStatus.RUNNING);
		});
	}

	@Test
	void crashedChildIsRestartedOnItsOwn() {
		DynamicSupervisor supervisor = start();
		Pid x = supervisor.startChild(worker("x")).pid();
		Pid y = supervisor.startChild(worker("y")).pid();

		this.kit.crash(x);

		// R4.7, R9.7
		SupervisorEvent.ChildRestarted restarted = this.kit.events.await(SupervisorEvent.ChildRestarted.class,
				(event) -> x.equals(event.oldPid()));
		assertThat(supervisor.whichChildren()).extracting(ChildInfo::pid)
			.containsExactlyInAnyOrder(restarted.newPid(), y);
	}

	@Test
	void terminateChildStopsTheChildForGood() {
		DynamicSupervisor supervisor = start();
		Pid x = supervisor.startChild(worker("x")).pid();
		this.kit.watch(x);

		boolean terminated = supervisor.terminateChild(x);

		// R9.5: not restarted, forgotten
		assertThat(terminated).isTrue();
		assertThat(this.kit.awaitExit(x)).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(supervisor.countChildren()).isEqualTo(new ChildCounts(0, 0, 0, 0));
		assertThat(this.kit.events.all(SupervisorEvent.ChildRestarted.class)).isEmpty();
	}

	@Test
	void terminateChildOfAPidThatIsNotAChildReturnsFalse() {
		DynamicSupervisor supervisor = start();
		Pid x = supervisor.startChild(worker("x")).pid();
		supervisor.terminateChild(x);

		// R9.5: {error, not_found}
		assertThat(supervisor.terminateChild(x)).isFalse();
	}

	@Test
	void childThatIsNotRestartedIsRemoved() {
		DynamicSupervisor supervisor = start();
		Pid x = supervisor.startChild(worker("x").withRestart(RestartType.TRANSIENT)).pid();

		this.kit.stopWith(x, ExitReason.NORMAL);
		this.kit.events.await(SupervisorEvent.ChildExited.class, (exited) -> x.equals(exited.pid()));

		// design (Elixir): a dynamic supervisor keeps no spec of a child it does not restart
		assertThat(supervisor.whichChildren()).isEmpty();
	}

	@Test
	void startChildBeyondMaxChildrenIsRefused() {
		DynamicSupervisor supervisor = start(DynamicSupervisorSpec.defaults().withMaxChildren(2));
		supervisor.startChild(worker("x"));
		supervisor.startChild(worker("y"));

		StartResult result = supervisor.startChild(worker("z"));

		// R9.2: {error, max_children}; the start function is not called
		assertThat(result).isEqualTo(new StartResult.Error(ExitReason.of(SupervisorError.MAX_CHILDREN)));
		assertThat(this.probe.attempts("z")).isZero();
	}

	@Test
	void childWhoseRestartIsBeingRetriedCountsTowardMaxChildren() throws Exception {
		DynamicSupervisor supervisor = start(DynamicSupervisorSpec.defaults().withIntensity(5, 3600).withMaxChildren(1));
		Pid x = supervisor.startChild(worker("x")).pid();

		CompletableFuture<StartResult> another = this.kit.crashAndQueueBeforeTheRetry(pid(supervisor), "x", x,
				() -> supervisor.startChild(worker("y")));

		// R5.6: x is restarting when the request is served, and still counts
		assertThat(await(another)).isEqualTo(new StartResult.Error(ExitReason.of(SupervisorError.MAX_CHILDREN)));
	}

	@Test
	void terminateChildWithTheLastPidOfARestartingChildCancelsItsRetry() throws Exception {
		DynamicSupervisor supervisor = start(DynamicSupervisorSpec.defaults().withIntensity(5, 3600));
		Pid x = supervisor.startChild(worker("x")).pid();

		CompletableFuture<Boolean> terminated = this.kit.crashAndQueueBeforeTheRetry(pid(supervisor), "x", x,
				() -> supervisor.terminateChild(x));

		// R5.5, R9.5: the child is filed under its last pid while restarting
		assertThat(await(terminated)).isTrue();
		assertThat(supervisor.whichChildren()).isEmpty();
		assertThat(this.probe.attempts("x")).isEqualTo(2);
	}

	@Test
	void startChildThatIgnoresStoresNothing() {
		DynamicSupervisor supervisor = start();
		this.probe.script("x", IGNORE);

		StartResult result = supervisor.startChild(worker("x"));

		// R9.2: ignore, and nothing is kept (unlike Supervisor)
		assertThat(result).isInstanceOf(StartResult.Ignore.class);
		assertThat(supervisor.countChildren().specs()).isZero();
	}

	@Test
	void startChildThatFailsReturnsTheReasonUnwrapped() {
		DynamicSupervisor supervisor = start();
		this.probe.script("x", FAIL_INIT);

		// R9.2
		assertThat(supervisor.startChild(worker("x"))).isEqualTo(new StartResult.Error(ChildProbe.initFailure("x")));
	}

	@Test
	void failedRestartIsRetriedUntilItSucceeds() {
		DynamicSupervisor supervisor = start(DynamicSupervisorSpec.defaults().withIntensity(5, 3600));
		Pid x = supervisor.startChild(worker("x")).pid();
		this.probe.script("x", FAIL_INIT, FAIL_INIT);

		this.kit.crash(x);

		// R5.1–R5.3, R9.7
		this.kit.events.await(SupervisorEvent.ChildRestarted.class, (event) -> x.equals(event.oldPid()));
		assertThat(this.probe.attempts("x")).isEqualTo(1 + 3);
		assertThat(supervisor.whichChildren()).extracting(ChildInfo::status).containsExactly(ChildStatus.RUNNING);
	}

	@Test
	void childWhoseRestartIsIgnoredIsRemoved() {
		DynamicSupervisor supervisor = start();
		Pid x = supervisor.startChild(worker("x")).pid();
		this.probe.script("x", IGNORE);

		this.kit.crash(x);
		eventually().until(() -> this.probe.attempts("x") == 2);

		// R5.7: unlike Supervisor, a dynamic supervisor forgets a child whose restart is ignored
		assertThat(supervisor.whichChildren()).isEmpty();
	}

	@Test
	void supervisorGivesUpPastItsIntensityAndStopsItsChildren() {
		DynamicSupervisor supervisor = start(DynamicSupervisorSpec.defaults().withIntensity(1, 3600));
		Pid x = supervisor.startChild(worker("x")).pid();
		Pid y = supervisor.startChild(worker("y")).pid();
		this.kit.watch(y);
		this.kit.crash(x);
		Pid restarted = this.kit.events.await(SupervisorEvent.ChildRestarted.class, (event) -> x.equals(event.oldPid()))
			.newPid();

		this.kit.crash(restarted);

		// R9.7, R3.4
		assertThat(this.kit.awaitExit(pid(supervisor))).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(this.kit.awaitExit(y)).isEqualTo(ExitReason.SHUTDOWN);
	}

	@Test
	void childrenAreStoppedConcurrentlyAtShutdown() {
		DynamicSupervisor supervisor = start();
		CountDownLatch allStopping = new CountDownLatch(3);
		TestWorker.Options waitForTheOthers = TestWorker.Options.DEFAULT.unnamed().trapping().onTerminate(() -> {
			allStopping.countDown();
			allStopping.await();
		});
		for (String id : List.of("x", "y", "z")) {
			supervisor.startChild(this.probe.spec(id, waitForTheOthers));
		}

		supervisor.stop();

		// R7.6: each terminate waits for all three to be stopping, which only concurrent shutdown
		// allows; stopped one at a time, the first would be killed at its timeout
		assertThat(this.probe.entries("terminated ")).containsExactlyInAnyOrder("terminated x", "terminated y",
				"terminated z");
	}

	@Test
	void childThatIgnoresShutdownIsKilledAtItsOwnTimeoutWhileAnotherIsStillStopping() throws Exception {
		DynamicSupervisor supervisor = start();
		CountDownLatch stubbornExited = new CountDownLatch(1);
		TestWorker.Options trapping = TestWorker.Options.DEFAULT.unnamed().trapping();
		supervisor.startChild(this.probe.spec("patient", trapping.onTerminate(() -> this.probe
			.record(stubbornExited.await(SupervisionKit.PATIENCE.toMillis(), TimeUnit.MILLISECONDS) ? "patient saw stubborn exit"
					: "patient gave up waiting")))
			.withShutdown(Shutdown.INFINITY));
		Pid stubborn = supervisor.startChild(this.probe.spec("stubborn", trapping.onTerminate(this.never::await))
			.withShutdown(Shutdown.timeout(Duration.ofMillis(200)))).pid();
		this.kit.runtime.watch(stubborn, (pid, reason) -> stubbornExited.countDown());
		this.kit.watch(stubborn);

		supervisor.stop();

		// R7.6: one timer per shutdown value; the first child still stopping does not delay the kill
		assertThat(this.kit.awaitExit(stubborn)).isEqualTo(ExitReason.KILLED);
		assertThat(this.probe.log()).contains("patient saw stubborn exit", "terminated patient");
	}

	// ---- getOrStart ---------------------------------------------------------------------------

	/** A session worker registered under the name getOrStart is asked for. */
	private Function<Object, ChildSpec> session() {
		return (name) -> ChildSpec.worker(name, () -> {
			this.sessionStarts.incrementAndGet();
			TestWorker worker = new TestWorker("session", this.probe, TestWorker.Options.DEFAULT.unnamed(),
					ChildProbe.Outcome.START);
			return GenServer.startLink(worker, GenServerOptions.named(name));
		});
	}

	@Test
	void getOrStartReturnsTheRunningProcessOfAName() {
		DynamicSupervisor supervisor = start();
		Via name = new Via("session", 42);
		Pid first = supervisor.getOrStart(name, session());

		Pid second = supervisor.getOrStart(name, session());

		// one process per key
		assertThat(second).isEqualTo(first);
		assertThat(this.kit.runtime.whereis(name)).isEqualTo(first);
		assertThat(this.sessionStarts).hasValue(1);
	}

	@Test
	void concurrentGetOrStartCallersGetOneProcess() {
		DynamicSupervisor supervisor = start();
		Via name = new Via("session", 7);
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Pid>> callers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			callers.add(inBackground(() -> {
				go.await();
				return supervisor.getOrStart(name, session());
			}));
		}

		go.countDown();

		// already_started is turned into the winner's pid
		List<Pid> pids = callers.stream().map(SupervisionKit::await).toList();
		assertThat(pids).containsOnly(pids.getFirst());
		assertThat(supervisor.countChildren()).isEqualTo(new ChildCounts(1, 1, 0, 1));
	}

}
