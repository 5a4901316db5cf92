package dev.otpspring.supervisor;

import java.util.List;
import java.util.Map;
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
 * (R3.1, R5.2). Time is frozen, so the window never expires.
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

}
