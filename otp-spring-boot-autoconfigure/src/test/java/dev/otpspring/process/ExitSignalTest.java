package dev.otpspring.process;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit signals sent with {@link OtpRuntime#exit}: R1.3, R1.4, R1.5. */
class ExitSignalTest {

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	// R1.3
	@Test
	void shutdownThroughALinkKillsANonTrappingProcess() {
		TestProbe linked = TestProbe.spawn(this.runtime);
		TestProbe exiting = TestProbe.spawn(this.runtime);
		linked.link(exiting.pid());
		ExitRecorder linkedExit = ExitRecorder.watch(linked.pid());

		exiting.exitWith(ExitReason.SHUTDOWN);

		assertThat(linkedExit.reason()).isEqualTo(ExitReason.SHUTDOWN);
	}

	// R1.3
	@Test
	void shutdownWithATermThroughALinkKillsANonTrappingProcess() {
		TestProbe linked = TestProbe.spawn(this.runtime);
		TestProbe exiting = TestProbe.spawn(this.runtime);
		linked.link(exiting.pid());
		ExitRecorder linkedExit = ExitRecorder.watch(linked.pid());

		exiting.exitWith(ExitReason.shutdown("maintenance"));

		assertThat(linkedExit.reason()).isEqualTo(ExitReason.shutdown("maintenance"));
	}

	// R1.4
	@Test
	void killCannotBeTrappedAndEndsTheProcessWithKilled() {
		TestProbe trapping = TestProbe.spawnTrapping(this.runtime);
		ExitRecorder exit = ExitRecorder.watch(trapping.pid());

		this.runtime.exit(trapping.pid(), ExitReason.KILL);

		assertThat(exit.reason()).isEqualTo(ExitReason.KILLED);
	}

	// R1.4
	@Test
	void aKilledProcessSendsATrappableKilledToItsLinks() {
		TestProbe trapping = TestProbe.spawnTrapping(this.runtime);
		TestProbe victim = TestProbe.spawn(this.runtime);
		trapping.link(victim.pid());

		this.runtime.exit(victim.pid(), ExitReason.KILL);

		assertThat(trapping.expect(Exit.class)).isEqualTo(new Exit(victim.pid(), ExitReason.KILLED));
		assertThat(this.runtime.isAlive(trapping.pid())).isTrue();
	}

	// R1.4
	@Test
	void aNonTrappingNeighbourOfAKilledProcessDiesWithKilled() {
		TestProbe neighbour = TestProbe.spawn(this.runtime);
		TestProbe victim = TestProbe.spawn(this.runtime);
		neighbour.link(victim.pid());
		ExitRecorder neighbourExit = ExitRecorder.watch(neighbour.pid());

		this.runtime.exit(victim.pid(), ExitReason.KILL);

		assertThat(neighbourExit.reason()).isEqualTo(ExitReason.KILLED);
	}

	// R1.4
	@Test
	void aProcessThatExitsWithKillItselfSendsATrappableKill() {
		TestProbe trapping = TestProbe.spawnTrapping(this.runtime);
		TestProbe exiting = TestProbe.spawn(this.runtime);
		trapping.link(exiting.pid());
		ExitRecorder exit = ExitRecorder.watch(exiting.pid());

		exiting.exitWith(ExitReason.KILL);

		assertThat(exit.reason()).isEqualTo(ExitReason.KILL);
		assertThat(trapping.expect(Exit.class)).isEqualTo(new Exit(exiting.pid(), ExitReason.KILL));
		assertThat(this.runtime.isAlive(trapping.pid())).isTrue();
	}

	// R1.4
	@Test
	void aNonTrappingNeighbourOfAProcessExitingWithKillDiesWithKillNotKilled() {
		TestProbe neighbour = TestProbe.spawn(this.runtime);
		TestProbe exiting = TestProbe.spawn(this.runtime);
		neighbour.link(exiting.pid());
		ExitRecorder neighbourExit = ExitRecorder.watch(neighbour.pid());

		exiting.exitWith(ExitReason.KILL);

		assertThat(neighbourExit.reason()).isEqualTo(ExitReason.KILL);
	}

	// R1.5
	@Test
	void anExitSignalNormalFromAnotherProcessIsIgnoredByANonTrappingProcess() {
		TestProbe target = TestProbe.spawn(this.runtime);
		TestProbe sender = TestProbe.spawn(this.runtime);

		sender.inside(() -> this.runtime.exit(target.pid(), ExitReason.NORMAL));

		assertThat(this.runtime.isAlive(target.pid())).isTrue();
		target.expectNoMessage();
	}

	// R1.5
	@Test
	void anExitSignalNormalFromOutsideAnyProcessIsIgnoredByANonTrappingProcess() {
		TestProbe target = TestProbe.spawn(this.runtime);

		this.runtime.exit(target.pid(), ExitReason.NORMAL);

		assertThat(this.runtime.isAlive(target.pid())).isTrue();
		target.expectNoMessage();
	}

	// R1.5
	@Test
	void anExitSignalNormalReachesATrappingProcessAsAnExitMessage() {
		TestProbe target = TestProbe.spawnTrapping(this.runtime);
		TestProbe sender = TestProbe.spawn(this.runtime);

		sender.inside(() -> this.runtime.exit(target.pid(), ExitReason.NORMAL));

		assertThat(target.expect(Exit.class)).isEqualTo(new Exit(sender.pid(), ExitReason.NORMAL));
		assertThat(this.runtime.isAlive(target.pid())).isTrue();
	}

	// R1.5
	@Test
	void exitSelfNormalEndsTheCallingProcess() {
		TestProbe probe = TestProbe.spawn(this.runtime);
		ExitRecorder exit = ExitRecorder.watch(probe.pid());

		probe.inside(() -> this.runtime.exit(Self.pid(), ExitReason.NORMAL));

		assertThat(exit.reason()).isEqualTo(ExitReason.NORMAL);
	}

	// R1.5
	@Test
	void exitSelfNormalReachesATrappingCallerAsAnExitMessage() {
		TestProbe probe = TestProbe.spawnTrapping(this.runtime);

		probe.inside(() -> this.runtime.exit(Self.pid(), ExitReason.NORMAL));

		assertThat(probe.expect(Exit.class)).isEqualTo(new Exit(probe.pid(), ExitReason.NORMAL));
		assertThat(this.runtime.isAlive(probe.pid())).isTrue();
	}

	// R1.3
	@Test
	void anAbnormalExitSignalEndsANonTrappingProcessWithThatReason() {
		TestProbe target = TestProbe.spawn(this.runtime);
		ExitRecorder exit = ExitRecorder.watch(target.pid());

		this.runtime.exit(target.pid(), ExitReason.of("boom"));

		assertThat(exit.reason()).isEqualTo(ExitReason.of("boom"));
	}

	// R13.1
	@Test
	void anAbnormalExitSignalReachesATrappingProcessAsAnExitMessage() {
		TestProbe target = TestProbe.spawnTrapping(this.runtime);
		TestProbe sender = TestProbe.spawn(this.runtime);

		sender.inside(() -> this.runtime.exit(target.pid(), ExitReason.SHUTDOWN));

		assertThat(target.expect(Exit.class)).isEqualTo(new Exit(sender.pid(), ExitReason.SHUTDOWN));
		assertThat(this.runtime.isAlive(target.pid())).isTrue();
	}

	@Test
	void anExitSignalToAnExitedProcessReportsFalse() {
		TestProbe target = TestProbe.spawn(this.runtime);
		this.runtime.exit(target.pid(), ExitReason.KILL);

		assertThat(this.runtime.exit(target.pid(), ExitReason.KILL)).isFalse();
	}

}
