package dev.otpspring.supervisor;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Self;

import static dev.otpspring.supervisor.SupervisionKit.await;
import static dev.otpspring.supervisor.SupervisionKit.child;
import static dev.otpspring.supervisor.SupervisionKit.pid;
import static dev.otpspring.supervisor.SupervisionKit.pidOf;
import static org.assertj.core.api.Assertions.assertThat;

/** When and in which order a static supervisor stops its children; terminateChild (R7.1, R7.7, R7.8). */
@Timeout(30)
class SupervisorShutdownTest {

	private final SupervisionKit kit = SupervisionKit.withFrozenClock();

	@AfterEach
	void close() throws Exception {
		this.kit.close();
	}

	private Supervisor start(ChildSpec... children) {
		return this.kit.start(SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(children)));
	}

	@Test
	void stopTerminatesChildrenOneAtATimeInReverseStartOrder() {
		ChildProbe probe = this.kit.probe;
		Supervisor supervisor = start(probe.trapping("a"), probe.trapping("b"), probe.trapping("c"));

		supervisor.stop();

		// R7.1: each child has finished terminating before the next is told to stop
		assertThat(probe.entries("terminate", "terminated")).containsExactly("terminate c shutdown", "terminated c",
				"terminate b shutdown", "terminated b", "terminate a shutdown", "terminated a");
	}

	@Test
	void terminatedChildKeepsItsSpecAndCanBeRestarted() {
		Supervisor supervisor = start(this.kit.probe.worker("a"));

		boolean terminated = supervisor.terminateChild("a");

		// R7.8: spec kept, pid undefined
		assertThat(terminated).isTrue();
		assertThat(child(supervisor, "a").status()).isEqualTo(ChildStatus.UNDEFINED);
		assertThat(supervisor.restartChild("a")).isInstanceOf(StartResult.Ok.class);
	}

	@Test
	void terminatedTemporaryChildIsRemoved() {
		Supervisor supervisor = start(this.kit.probe.worker("a").withRestart(RestartType.TEMPORARY));

		supervisor.terminateChild("a");

		// R7.8, R2.3
		assertThat(supervisor.whichChildren()).isEmpty();
	}

	@Test
	void terminateChildIsNotARestart() {
		Supervisor supervisor = this.kit.start(
				SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(this.kit.probe.worker("a"))).withIntensity(0, 5));

		for (int i = 0; i < 3; i++) {
			supervisor.terminateChild("a");
			supervisor.restartChild("a");
		}

		// R7.8, R8.2: with max_restarts 0 one counted restart would have stopped the supervisor
		assertThat(supervisor.info().restartsInWindow()).isZero();
		assertThat(child(supervisor, "a").status()).isEqualTo(ChildStatus.RUNNING);
	}

	@Test
	void nestedSupervisorsShutDownDepthFirst() {
		ChildProbe probe = this.kit.probe;
		SupervisorSpec inner = SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(probe.trapping("b1"), probe.trapping("b2")));
		Supervisor supervisor = start(probe.trapping("a"), ChildSpec.supervisor("inner", () -> Supervisor.startLink(inner)),
				probe.trapping("c"));

		supervisor.stop();

		// R7.1: the inner supervisor stops its own children before the outer one moves on to a
		assertThat(probe.entries("terminate ")).containsExactly("terminate c shutdown", "terminate b2 shutdown",
				"terminate b1 shutdown", "terminate a shutdown");
	}

	@Test
	void supervisorStopsWhenItsParentExitsNormally() {
		ChildProbe probe = this.kit.probe;
		SupervisorSpec spec = SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(probe.trapping("a"), probe.trapping("b")));
		CompletableFuture<Pid> supervisor = new CompletableFuture<>();
		Pid parent = this.kit.runtime.spawn(() -> {
			supervisor.complete(Supervisor.startLink(spec).pid());
			return (message) -> Self.exit(ExitReason.NORMAL);
		});
		Pid supervisorPid = await(supervisor);
		this.kit.watch(supervisorPid);

		this.kit.runtime.send(parent, "exit normally");

		// R7.7: even reason normal stops a supervisor (it traps exits), children first
		assertThat(this.kit.awaitExit(supervisorPid)).isEqualTo(ExitReason.NORMAL);
		assertThat(probe.entries("terminate ")).containsExactly("terminate b shutdown", "terminate a shutdown");
	}

	@Test
	void exitSignalFromAProcessOtherThanItsParentIsIgnored() {
		Supervisor supervisor = start(this.kit.probe.trapping("a"));
		Pid a = pidOf(supervisor, "a");

		this.kit.runtime.exit(pid(supervisor), ExitReason.SHUTDOWN);

		// R12.3: it traps exits and the signal is not from its parent (nor a child); the call is
		// served after the signal's Exit message
		assertThat(pidOf(supervisor, "a")).isEqualTo(a);
		assertThat(this.kit.probe.entries("terminate ")).isEmpty();
	}

}
