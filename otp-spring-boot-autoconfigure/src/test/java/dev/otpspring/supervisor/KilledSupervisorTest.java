package dev.otpspring.supervisor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;

import static dev.otpspring.supervisor.SupervisionKit.awaitNewPid;
import static dev.otpspring.supervisor.SupervisionKit.pidOf;
import static dev.otpspring.supervisor.SupervisionKit.pids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor killed with {@code exit(pid, kill)} takes its children with it through their links
 * (R1.4, R13.1), and its parent restarts it at the first attempt: the old children's names are
 * free by the time the parent hears of the exit, so no restart fails and none burns intensity
 * (R3.1, R5.2). Killed in the middle of a restart, it reports nothing more. Time is frozen, so
 * the window never expires.
 */
@Timeout(60)
class KilledSupervisorTest {

	private static final int WORKERS = 12;

	private static final int KILLS = 20;

	private final SupervisionKit kit = SupervisionKit.withFrozenClock();

	@AfterEach
	void close() throws Exception {
		this.kit.close();
	}

	@Test
	void aKilledSupervisorComesBackWithAllItsNamedChildrenAtTheFirstAttempt() {
		List<ChildSpec> workers = IntStream.range(0, WORKERS).mapToObj((i) -> this.kit.probe.worker("w" + i)).toList();
		SupervisorSpec inner = SupervisorSpec.of(Strategy.ONE_FOR_ONE, workers).named("inner");
		// The parent may restart it exactly KILLS times: one failed attempt more and it gives up.
		Supervisor root = this.kit.start(SupervisorSpec
			.of(Strategy.ONE_FOR_ONE, List.of(ChildSpec.supervisor("inner", () -> Supervisor.startLink(inner))))
			.withIntensity(KILLS, 5));

		for (int i = 0; i < KILLS; i++) {
			Pid killed = pidOf(root, "inner");
			Map<Object, Pid> children = pids(Supervisor.of(killed));
			this.kit.kill(killed);

			Pid restarted = awaitNewPid(root, "inner", killed);
			assertThat(children.values()).allSatisfy(
					(child) -> assertThat(this.kit.runtime.exitReason(child)).contains(ExitReason.KILLED));
			assertThat(pids(Supervisor.of(restarted))).hasSize(WORKERS).doesNotContainValue(null);
		}

		assertThat(this.kit.events.all(SupervisorEvent.StartFailed.class)).isEmpty();
		assertThat(this.kit.events.all(SupervisorEvent.GaveUp.class)).isEmpty();
		assertThat(this.kit.events.all(SupervisorEvent.ChildRestarted.class)).hasSize(KILLS);
	}

	@Test
	void aSupervisorKilledWhileRestartingReportsNothingMore() throws Exception {
		ChildStart startB = this.kit.probe.start("b", TestWorker.Options.DEFAULT);
		AtomicReference<Thread> starter = new AtomicReference<>();
		ChildSpec b = ChildSpec.worker("b", () -> {
			starter.set(Thread.currentThread());
			return startB.start();
		});
		Supervisor supervisor = this.kit
			.start(SupervisorSpec.of(Strategy.ONE_FOR_ALL, List.of(this.kit.probe.worker("a"), b)));
		Gate restartOfB = this.kit.probe.holdNextStart("b");
		this.kit.crash(pidOf(supervisor, "a"));
		restartOfB.awaitEntered(); // a is restarted; the supervisor waits in b's start

		Pid killed = SupervisionKit.pid(supervisor);
		int reportedBefore = this.kit.events.all().size();
		this.kit.kill(killed);
		restartOfB.release();
		assertThat(starter.get().join(SupervisionKit.PATIENCE)).as("the zombie finished").isTrue();

		// SEMANTICS §5: what a killed process still does has no effect, and is not reported either
		assertThat(this.kit.events.all().subList(reportedBefore, this.kit.events.all().size()))
			.noneMatch((event) -> event.supervisor().pid().equals(killed));
	}

}
