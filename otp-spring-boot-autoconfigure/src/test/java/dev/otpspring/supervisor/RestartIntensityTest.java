package dev.otpspring.supervisor;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.ManualScheduler;
import dev.otpspring.process.Pid;

import static dev.otpspring.supervisor.SupervisionKit.awaitNewPid;
import static dev.otpspring.supervisor.SupervisionKit.pid;
import static dev.otpspring.supervisor.SupervisionKit.pidOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restart window: how many restarts, counted how, and what giving up does (R3.1–R3.4, R4.5).
 * Time is a {@link ManualScheduler}, moved by hand between crashes.
 */
@Timeout(30)
class RestartIntensityTest {

	private final ManualScheduler clock = new ManualScheduler();

	private final SupervisionKit kit = SupervisionKit.withClock(this.clock);

	private final ChildProbe probe = this.kit.probe;

	@AfterEach
	void close() throws Exception {
		this.kit.close();
	}

	/** Crashes child {@code id} and waits for its next incarnation. */
	private Pid crashAndAwaitRestart(Supervisor supervisor, String id) {
		Pid old = pidOf(supervisor, id);
		this.kit.crash(old);
		return awaitNewPid(supervisor, id, old);
	}

	@Test
	void defaultIntensityToleratesThreeRestartsAndGivesUpOnTheFourth() {
		Supervisor supervisor = this.kit.start(SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(this.probe.worker("a"))));
		for (int i = 0; i < 3; i++) {
			crashAndAwaitRestart(supervisor, "a");
		}

		this.kit.crash(pidOf(supervisor, "a"));

		// R3.1: the (max_restarts + 1)-th restart in the window stops the supervisor with shutdown
		assertThat(this.kit.awaitExit(pid(supervisor))).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(this.probe.starts("a")).isEqualTo(4);
	}

	@Test
	void zeroMaxRestartsGivesUpOnTheFirstCrash() {
		Supervisor supervisor = this.kit.start(
				SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(this.probe.worker("a"))).withIntensity(0, 5));

		this.kit.crash(pidOf(supervisor, "a"));

		// R3.1
		assertThat(this.kit.awaitExit(pid(supervisor))).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(this.probe.starts("a")).isEqualTo(1);
	}

	@Test
	void supervisorThatGivesUpStopsItsOtherChildrenInReverseOrder() {
		Supervisor supervisor = this.kit.start(SupervisorSpec.of(Strategy.ONE_FOR_ONE,
				List.of(this.probe.trapping("a"), this.probe.worker("b"), this.probe.trapping("c")))
			.withIntensity(0, 5));
		Pid a = pidOf(supervisor, "a");
		Pid c = pidOf(supervisor, "c");
		this.kit.watch(a);
		this.kit.watch(c);

		this.kit.crash(pidOf(supervisor, "b"));

		// R3.4: children stopped with shutdown, in reverse start order, then the supervisor exits shutdown
		assertThat(this.kit.awaitExit(pid(supervisor))).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(this.kit.awaitExit(a)).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(this.kit.awaitExit(c)).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(this.probe.entries("terminate a", "terminate c")).containsExactly("terminate c shutdown", "terminate a shutdown");
	}

	@Test
	void crashesOnePointNineSecondsApartExceedAOneSecondWindow() {
		Supervisor supervisor = this.kit.start(
				SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(this.probe.worker("a"))).withIntensity(1, 1));
		this.clock.advance(Duration.ofMillis(50));
		crashAndAwaitRestart(supervisor, "a");

		this.clock.advance(Duration.ofMillis(1900));
		this.kit.crash(pidOf(supervisor, "a"));

		// R3.2: restarts at whole seconds 0 and 1; 0 is still counted at second 1 (inclusive bound)
		assertThat(this.kit.awaitExit(pid(supervisor))).isEqualTo(ExitReason.SHUTDOWN);
	}

	@Test
	void crashesTwoPointOneSecondsApartStayWithinAOneSecondWindow() {
		Supervisor supervisor = this.kit.start(
				SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(this.probe.worker("a"))).withIntensity(1, 1));
		this.clock.advance(Duration.ofMillis(50));
		crashAndAwaitRestart(supervisor, "a");

		this.clock.advance(Duration.ofMillis(2100));
		crashAndAwaitRestart(supervisor, "a");

		// R3.2: restarts at whole seconds 0 and 2; 0 has left the window
		assertThat(this.kit.runtime.isAlive(pid(supervisor))).isTrue();
		assertThat(supervisor.info().restartsInWindow()).isEqualTo(1);
	}

	@Test
	void restartWindowCountsWholeSeconds() {
		Supervisor supervisor = this.kit.start(
				SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(this.probe.worker("a"))).withIntensity(1, 1));
		this.clock.advance(Duration.ofMillis(950));
		crashAndAwaitRestart(supervisor, "a");

		this.clock.advance(Duration.ofMillis(1100));
		crashAndAwaitRestart(supervisor, "a");

		// R3.2: only 1.1 s apart, but at whole seconds 0 and 2, so the supervisor lives
		assertThat(this.kit.runtime.isAlive(pid(supervisor))).isTrue();
	}

	@Test
	void oneCrashUnderOneForAllIsOneEntryInTheWindow() {
		Supervisor supervisor = this.kit.start(SupervisorSpec.of(Strategy.ONE_FOR_ALL,
				List.of(this.probe.worker("a"), this.probe.worker("b"), this.probe.worker("c")))
			.withIntensity(1, 5));

		crashAndAwaitRestart(supervisor, "b");

		// R4.5: three children restarted, one restart counted; max_restarts 1 is not exceeded
		assertThat(supervisor.info().restartsInWindow()).isEqualTo(1);
		assertThat(this.kit.runtime.isAlive(pid(supervisor))).isTrue();
	}

	@Test
	void restartWindowIsSharedByAllChildren() {
		Supervisor supervisor = this.kit.start(SupervisorSpec.of(Strategy.ONE_FOR_ONE,
				List.of(this.probe.worker("a"), this.probe.worker("b"), this.probe.worker("c")))
			.withIntensity(2, 5));
		crashAndAwaitRestart(supervisor, "a");
		crashAndAwaitRestart(supervisor, "b");

		this.kit.crash(pidOf(supervisor, "c"));

		// R3.3: one crash each, three restarts in one window of two
		assertThat(this.kit.awaitExit(pid(supervisor))).isEqualTo(ExitReason.SHUTDOWN);
	}

}
