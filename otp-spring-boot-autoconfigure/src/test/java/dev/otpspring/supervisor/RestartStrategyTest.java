package dev.otpspring.supervisor;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;

import static dev.otpspring.supervisor.SupervisionKit.awaitNewPid;
import static dev.otpspring.supervisor.SupervisionKit.child;
import static dev.otpspring.supervisor.SupervisionKit.pidOf;
import static dev.otpspring.supervisor.SupervisionKit.pids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** one_for_one, one_for_all and rest_for_one with three children (R4.1–R4.4, R2.3). */
@Timeout(30)
class RestartStrategyTest {

	private final SupervisionKit kit = SupervisionKit.withFrozenClock();

	private final ChildProbe probe = this.kit.probe;

	@AfterEach
	void close() throws Exception {
		this.kit.close();
	}

	private Supervisor start(Strategy strategy, ChildSpec... children) {
		return this.kit.start(SupervisorSpec.of(strategy, List.of(children)));
	}

	private Supervisor startAbc(Strategy strategy) {
		return start(strategy, this.probe.trapping("a"), this.probe.trapping("b"), this.probe.trapping("c"));
	}

	@Test
	void oneForOneRestartsOnlyTheCrashedChild() {
		Supervisor supervisor = startAbc(Strategy.ONE_FOR_ONE);
		Map<Object, Pid> before = pids(supervisor);

		this.kit.crash(before.get("b"));
		awaitNewPid(supervisor, "b", before.get("b"));

		// R4.1
		assertThat(pids(supervisor)).containsEntry("a", before.get("a")).containsEntry("c", before.get("c"));
	}

	@Test
	void oneForAllRestartsEveryChild() {
		Supervisor supervisor = startAbc(Strategy.ONE_FOR_ALL);
		Pid a = pidOf(supervisor, "a");
		Pid b = pidOf(supervisor, "b");
		Pid c = pidOf(supervisor, "c");
		this.kit.watch(a);
		this.kit.watch(c);

		this.kit.crash(b);

		// R4.2: all pids change; the siblings were stopped with shutdown
		awaitNewPid(supervisor, "a", a);
		awaitNewPid(supervisor, "b", b);
		awaitNewPid(supervisor, "c", c);
		assertThat(this.kit.awaitExit(a)).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(this.kit.awaitExit(c)).isEqualTo(ExitReason.SHUTDOWN);
	}

	@Test
	void oneForAllStopsTheOthersInReverseStartOrderThenStartsAllInStartOrder() {
		Supervisor supervisor = startAbc(Strategy.ONE_FOR_ALL);
		Pid c = pidOf(supervisor, "c");
		int mark = this.probe.mark();

		this.kit.crash(pidOf(supervisor, "b"));
		awaitNewPid(supervisor, "c", c);

		// R4.2: b crashed (its own terminate ran); c then a were stopped with shutdown; a, b, c started
		assertThat(this.probe.entriesSince(mark, "terminate ", "started ")).containsExactly(
				"terminate b {java.lang.IllegalStateException, crash requested of b}", "terminate c shutdown",
				"terminate a shutdown", "started a", "started b", "started c");
	}

	@Test
	void restForOneRestartsTheCrashedChildAndThoseStartedAfterIt() {
		Supervisor supervisor = startAbc(Strategy.REST_FOR_ONE);
		Pid a = pidOf(supervisor, "a");
		Pid b = pidOf(supervisor, "b");
		Pid c = pidOf(supervisor, "c");
		int mark = this.probe.mark();

		this.kit.crash(b);
		awaitNewPid(supervisor, "b", b);
		awaitNewPid(supervisor, "c", c);

		// R4.3: a keeps its pid; c is stopped, then b and c start in order
		assertThat(pidOf(supervisor, "a")).isEqualTo(a);
		assertThat(this.probe.entriesSince(mark, "terminate c", "started ")).containsExactly("terminate c shutdown",
				"started b", "started c");
	}

	@Test
	void restForOneCrashOfTheLastChildRestartsOnlyIt() {
		Supervisor supervisor = startAbc(Strategy.REST_FOR_ONE);
		Map<Object, Pid> before = pids(supervisor);

		this.kit.crash(before.get("c"));
		awaitNewPid(supervisor, "c", before.get("c"));

		// R4.3
		assertThat(pids(supervisor)).containsEntry("a", before.get("a")).containsEntry("b", before.get("b"));
	}

	@Test
	void transientSiblingStoppedByTheStrategyIsRestarted() {
		Supervisor supervisor = start(Strategy.ONE_FOR_ALL, this.probe.worker("a").withRestart(RestartType.TRANSIENT),
				this.probe.worker("b"));
		Pid a = pidOf(supervisor, "a");

		this.kit.crash(pidOf(supervisor, "b"));

		// R4.4: a exited with shutdown (normal-like) but is restarted by the strategy
		assertThat(awaitNewPid(supervisor, "a", a)).isNotNull();
		assertThat(child(supervisor, "a").status()).isEqualTo(ChildStatus.RUNNING);
	}

	@Test
	void temporarySiblingStoppedByTheStrategyIsRemovedForGood() {
		Supervisor supervisor = start(Strategy.ONE_FOR_ALL, this.probe.worker("a").withRestart(RestartType.TEMPORARY),
				this.probe.worker("b"), this.probe.worker("c"));
		Pid a = pidOf(supervisor, "a");
		Pid b = pidOf(supervisor, "b");

		this.kit.crash(b);
		awaitNewPid(supervisor, "b", b);

		// R2.3, R4.2
		assertThat(this.kit.runtime.isAlive(a)).isFalse();
		assertThat(supervisor.whichChildren()).extracting(ChildInfo::id).containsExactly("c", "b");
		assertThat(supervisor.restartChild("a"))
			.isEqualTo(new StartResult.Error(ExitReason.of(SupervisorError.NOT_FOUND)));
	}

	@Test
	void temporaryChildThatDiesRestartsNobody() {
		Supervisor supervisor = start(Strategy.ONE_FOR_ALL, this.probe.worker("a").withRestart(RestartType.TEMPORARY),
				this.probe.worker("b"));
		Pid a = pidOf(supervisor, "a");
		Pid b = pidOf(supervisor, "b");

		this.kit.crash(a);
		this.kit.events.await(SupervisorEvent.ChildExited.class, (exited) -> a.equals(exited.pid()));

		// R4.4: the decision is the failing child's restart type: temporary, so no group restart
		assertThat(supervisor.whichChildren()).extracting(ChildInfo::id, ChildInfo::pid)
			.containsExactly(tuple("b", b));
	}

	@Test
	void transientChildThatExitsNormallyRestartsNobody() {
		Supervisor supervisor = start(Strategy.ONE_FOR_ALL, this.probe.worker("a").withRestart(RestartType.TRANSIENT),
				this.probe.worker("b"));
		Pid a = pidOf(supervisor, "a");
		Pid b = pidOf(supervisor, "b");

		this.kit.stopWith(a, ExitReason.NORMAL);
		this.kit.events.await(SupervisorEvent.ChildExited.class, (exited) -> a.equals(exited.pid()));

		// R4.4
		assertThat(pidOf(supervisor, "b")).isEqualTo(b);
		assertThat(child(supervisor, "a").status()).isEqualTo(ChildStatus.UNDEFINED);
	}

}
