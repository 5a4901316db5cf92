package dev.otpspring.supervisor;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;

import static dev.otpspring.supervisor.ChildProbe.Outcome.FAIL_INIT;
import static dev.otpspring.supervisor.ChildProbe.Outcome.IGNORE;
import static dev.otpspring.supervisor.SupervisionKit.await;
import static dev.otpspring.supervisor.SupervisionKit.awaitNewPid;
import static dev.otpspring.supervisor.SupervisionKit.child;
import static dev.otpspring.supervisor.SupervisionKit.eventually;
import static dev.otpspring.supervisor.SupervisionKit.pid;
import static dev.otpspring.supervisor.SupervisionKit.pidOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart whose start fails is retried at once through the supervisor's mailbox, and every
 * retry counts (R5.1–R5.5). Time is frozen; a {@link Gate} holds a restart attempt so requests
 * can be queued before its retry.
 */
@Timeout(30)
class FailedRestartTest {

	private final SupervisionKit kit = SupervisionKit.withFrozenClock();

	private final ChildProbe probe = this.kit.probe;

	@AfterEach
	void close() throws Exception {
		this.kit.close();
	}

	private Supervisor start(Strategy strategy, int maxRestarts, String... ids) {
		List<ChildSpec> children = Arrays.stream(ids).map(this.probe::worker).toList();
		return this.kit.start(SupervisorSpec.of(strategy, children).withIntensity(maxRestarts, 5));
	}

	@ParameterizedTest
	@EnumSource(value = ChildProbe.Outcome.class, names = { "THROW", "FAIL_INIT" })
	void failingRestartIsAttemptedExactlyMaxRestartsTimesThenTheSupervisorGivesUp(ChildProbe.Outcome failure) {
		Supervisor supervisor = start(Strategy.ONE_FOR_ONE, 3, "a");
		this.probe.script("a", failure, failure, failure, failure, failure);

		this.kit.crash(pidOf(supervisor, "a"));

		// R5.1, R5.2: each retry counts toward intensity: 3 attempts, then shutdown
		assertThat(this.kit.awaitExit(pid(supervisor))).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(this.probe.attempts("a")).isEqualTo(1 + 3);
	}

	@Test
	void retryThatSucceedsGivesARunningChild() {
		Supervisor supervisor = start(Strategy.ONE_FOR_ONE, 5, "a");
		Pid old = pidOf(supervisor, "a");
		this.probe.script("a", FAIL_INIT, FAIL_INIT);

		this.kit.crash(old);

		// R5.3
		Pid restarted = awaitNewPid(supervisor, "a", old);
		assertThat(this.kit.runtime.isAlive(restarted)).isTrue();
		assertThat(this.probe.attempts("a")).isEqualTo(1 + 3);
		assertThat(supervisor.info().restartsInWindow()).isEqualTo(3);
	}

	@Test
	void retryThatIsIgnoredLeavesTheChildUndefined() {
		Supervisor supervisor = start(Strategy.ONE_FOR_ONE, 5, "a");
		this.probe.script("a", FAIL_INIT, IGNORE);

		this.kit.crash(pidOf(supervisor, "a"));
		eventually().until(() -> this.probe.attempts("a") == 3);

		// R5.7: ignore during a restart keeps the spec with no pid; no longer restarting
		ChildInfo a = child(supervisor, "a");
		assertThat(a.status()).isEqualTo(ChildStatus.UNDEFINED);
		assertThat(a.pid()).isNull();
		assertThat(supervisor.restartChild("a")).isInstanceOf(StartResult.Ok.class);
	}

	/** See {@link SupervisionKit#crashAndQueueBeforeTheRetry}. */
	private <T> CompletableFuture<T> crashAndQueueBeforeTheRetry(Supervisor supervisor, String id, Callable<T> request)
			throws InterruptedException {
		return this.kit.crashAndQueueBeforeTheRetry(pid(supervisor), id, pidOf(supervisor, id), request);
	}

	@Test
	void childIsRestartingWhileItsRetryIsPending() throws Exception {
		Supervisor supervisor = start(Strategy.ONE_FOR_ONE, 5, "a");

		CompletableFuture<List<ChildInfo>> children = crashAndQueueBeforeTheRetry(supervisor, "a", supervisor::whichChildren);

		// R5.1: restarting, no pid; the retry then succeeds
		ChildInfo a = await(children).getFirst();
		assertThat(a.status()).isEqualTo(ChildStatus.RESTARTING);
		assertThat(a.pid()).isNull();
		eventually().until(() -> child(supervisor, "a").status() == ChildStatus.RUNNING);
	}

	@Test
	void restartingChildIsNotCountedAsActive() throws Exception {
		Supervisor supervisor = start(Strategy.ONE_FOR_ONE, 5, "a", "b");

		CompletableFuture<ChildCounts> counts = crashAndQueueBeforeTheRetry(supervisor, "a", supervisor::countChildren);

		// R5.1, R8.6
		assertThat(await(counts)).isEqualTo(new ChildCounts(2, 1, 0, 2));
	}

	@Test
	void terminateChildCancelsThePendingRetry() throws Exception {
		Supervisor supervisor = start(Strategy.ONE_FOR_ONE, 5, "a");

		CompletableFuture<Boolean> terminated = crashAndQueueBeforeTheRetry(supervisor, "a",
				() -> supervisor.terminateChild("a"));

		// R5.5: the retry queued behind terminateChild finds nothing to retry
		assertThat(await(terminated)).isTrue();
		assertThat(child(supervisor, "a").status()).isEqualTo(ChildStatus.UNDEFINED);
		assertThat(this.probe.attempts("a")).isEqualTo(2);
		assertThat(this.kit.runtime.isAlive(pid(supervisor))).isTrue();
	}

	@Test
	void childWhoseRetryWasCancelledCanBeRestartedByHand() throws Exception {
		Supervisor supervisor = start(Strategy.ONE_FOR_ONE, 5, "a");
		await(crashAndQueueBeforeTheRetry(supervisor, "a", () -> supervisor.terminateChild("a")));

		StartResult restarted = supervisor.restartChild("a");

		// R5.5
		assertThat(restarted).isInstanceOf(StartResult.Ok.class);
		assertThat(pidOf(supervisor, "a")).isEqualTo(restarted.pid());
	}

	@Test
	void restartChildOfARestartingChildReturnsRestarting() throws Exception {
		Supervisor supervisor = start(Strategy.ONE_FOR_ONE, 5, "a");

		CompletableFuture<StartResult> restart = crashAndQueueBeforeTheRetry(supervisor, "a",
				() -> supervisor.restartChild("a"));

		// R5.5, R8.2: {error, restarting}
		assertThat(await(restart)).isEqualTo(new StartResult.Error(ExitReason.of(SupervisorError.RESTARTING)));
	}

	@Test
	void deleteChildOfARestartingChildIsRefused() throws Exception {
		Supervisor supervisor = start(Strategy.ONE_FOR_ONE, 5, "a");

		CompletableFuture<Boolean> delete = crashAndQueueBeforeTheRetry(supervisor, "a", () -> supervisor.deleteChild("a"));

		// R5.5, R8.3: {error, restarting}
		assertThat(delete).failsWithin(SupervisionKit.PATIENCE)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessageContaining("restarting");
	}

	@Test
	void oneForAllRetryRestartsTheWholeGroupEveryTime() {
		Supervisor supervisor = start(Strategy.ONE_FOR_ALL, 5, "a", "b", "c");
		this.probe.script("b", FAIL_INIT, FAIL_INIT);

		this.kit.crash(pidOf(supervisor, "b"));
		eventually().until(() -> this.probe.starts("c") == 2);

		// R5.4: three group restarts; a starts each time, c only once b has started
		assertThat(this.probe.starts("a")).isEqualTo(1 + 3);
		assertThat(this.probe.attempts("b")).isEqualTo(1 + 3);
		assertThat(this.probe.starts("b")).isEqualTo(2);
		assertThat(supervisor.whichChildren()).extracting(ChildInfo::status).containsOnly(ChildStatus.RUNNING);
	}

	@Test
	void restForOneRetryRestartsTheFailedChildAndThoseAfterIt() {
		Supervisor supervisor = start(Strategy.REST_FOR_ONE, 5, "a", "b", "c");
		Pid a = pidOf(supervisor, "a");
		this.probe.script("b", FAIL_INIT, FAIL_INIT);

		this.kit.crash(pidOf(supervisor, "b"));
		eventually().until(() -> this.probe.starts("c") == 2);

		// R5.4: a is never touched; b is attempted three times; c waits for b
		assertThat(pidOf(supervisor, "a")).isEqualTo(a);
		assertThat(this.probe.starts("a")).isEqualTo(1);
		assertThat(this.probe.attempts("b")).isEqualTo(1 + 3);
		assertThat(this.probe.attempts("c")).isEqualTo(2);
	}

	@Test
	void oneForAllRetriesThatExhaustTheIntensityStopTheSupervisor() {
		Supervisor supervisor = start(Strategy.ONE_FOR_ALL, 2, "a", "b", "c");
		this.probe.script("b", FAIL_INIT, FAIL_INIT, FAIL_INIT);

		this.kit.crash(pidOf(supervisor, "b"));

		// R5.2, R5.4: two group restarts (a restarted each time), then shutdown
		assertThat(this.kit.awaitExit(pid(supervisor))).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(this.probe.starts("a")).isEqualTo(1 + 2);
		assertThat(this.probe.attempts("b")).isEqualTo(1 + 2);
	}

}
