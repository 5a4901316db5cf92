package dev.otpspring.supervisor;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;

import static dev.otpspring.supervisor.SupervisionKit.awaitNewPid;
import static dev.otpspring.supervisor.SupervisionKit.child;
import static dev.otpspring.supervisor.SupervisionKit.pidOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Each restart type against each kind of exit reason (R1.1, R2.1–R2.4). */
@Timeout(30)
class RestartTypeTest {

	private final SupervisionKit kit = SupervisionKit.withFrozenClock();

	@AfterEach
	void close() throws Exception {
		this.kit.close();
	}

	private Supervisor startWorker(RestartType restart) {
		return this.kit.start(SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(this.kit.probe.worker("a").withRestart(restart))));
	}

	/** Ends the child and waits until the supervisor has decided about it. */
	private SupervisorEvent.ChildExited end(Supervisor supervisor, Ending ending) {
		Pid pid = pidOf(supervisor, "a");
		ending.apply(this.kit, pid);
		return this.kit.events.await(SupervisorEvent.ChildExited.class, (exited) -> pid.equals(exited.pid()));
	}

	@ParameterizedTest
	@EnumSource(Ending.class)
	void permanentChildIsRestartedAfterAnyExit(Ending ending) {
		Supervisor supervisor = startWorker(RestartType.PERMANENT);
		Pid old = pidOf(supervisor, "a");

		SupervisorEvent.ChildExited exited = end(supervisor, ending);

		// R2.1
		assertThat(ending.produced(exited.reason())).as("exit reason %s", exited.reason()).isTrue();
		assertThat(exited.decision()).isEqualTo(SupervisorEvent.Decision.RESTART);
		assertThat(awaitNewPid(supervisor, "a", old)).isNotNull();
	}

	@ParameterizedTest
	@EnumSource(value = Ending.class, names = { "CRASH", "KILLED", "OTHER_REASON" })
	void transientChildIsRestartedAfterAnAbnormalExit(Ending ending) {
		Supervisor supervisor = startWorker(RestartType.TRANSIENT);
		Pid old = pidOf(supervisor, "a");

		SupervisorEvent.ChildExited exited = end(supervisor, ending);

		// R1.1, R2.2
		assertThat(exited.decision()).isEqualTo(SupervisorEvent.Decision.RESTART);
		assertThat(awaitNewPid(supervisor, "a", old)).isNotNull();
	}

	@ParameterizedTest
	@EnumSource(value = Ending.class, names = { "NORMAL", "SHUTDOWN", "SHUTDOWN_WITH_TERM" })
	void transientChildIsKeptUndefinedAfterANormalLikeExit(Ending ending) {
		Supervisor supervisor = startWorker(RestartType.TRANSIENT);

		SupervisorEvent.ChildExited exited = end(supervisor, ending);

		// R1.1, R2.2: spec kept with no pid; not active
		assertThat(exited.decision()).isEqualTo(SupervisorEvent.Decision.KEEP);
		ChildInfo child = child(supervisor, "a");
		assertThat(child.status()).isEqualTo(ChildStatus.UNDEFINED);
		assertThat(child.pid()).isNull();
		assertThat(supervisor.countChildren()).isEqualTo(new ChildCounts(1, 0, 0, 1));
	}

	@ParameterizedTest
	@EnumSource(value = Ending.class, names = { "NORMAL", "SHUTDOWN", "SHUTDOWN_WITH_TERM" })
	void transientChildKeptAfterANormalLikeExitCanBeRestartedByHand(Ending ending) {
		Supervisor supervisor = startWorker(RestartType.TRANSIENT);
		Pid old = pidOf(supervisor, "a");
		end(supervisor, ending);

		StartResult restarted = supervisor.restartChild("a");

		// R2.2, R8.2
		assertThat(restarted).isInstanceOf(StartResult.Ok.class);
		assertThat(restarted.pid()).isNotEqualTo(old);
		assertThat(pidOf(supervisor, "a")).isEqualTo(restarted.pid());
	}

	@ParameterizedTest
	@EnumSource(Ending.class)
	void temporaryChildIsNeverRestartedAndIsRemoved(Ending ending) {
		Supervisor supervisor = startWorker(RestartType.TEMPORARY);

		SupervisorEvent.ChildExited exited = end(supervisor, ending);

		// R2.3
		assertThat(exited.decision()).isEqualTo(SupervisorEvent.Decision.REMOVE);
		assertThat(supervisor.whichChildren()).isEmpty();
		assertThat(supervisor.restartChild("a")).isEqualTo(new StartResult.Error(ExitReason.of(SupervisorError.NOT_FOUND)));
	}

	@Test
	void exitsThatAreNotRestartedDoNotCountTowardIntensity() {
		Supervisor supervisor = this.kit.start(SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(
				this.kit.probe.worker("transient").withRestart(RestartType.TRANSIENT),
				this.kit.probe.worker("temporary").withRestart(RestartType.TEMPORARY)))
			.withIntensity(0, 5));
		Pid transientChild = pidOf(supervisor, "transient");
		Pid temporaryChild = pidOf(supervisor, "temporary");

		this.kit.stopWith(transientChild, ExitReason.SHUTDOWN);
		this.kit.crash(temporaryChild);
		this.kit.events.await(SupervisorEvent.ChildExited.class, (exited) -> transientChild.equals(exited.pid()));
		this.kit.events.await(SupervisorEvent.ChildExited.class, (exited) -> temporaryChild.equals(exited.pid()));

		// R2.4: with max_restarts 0 a single counted restart would have stopped the supervisor
		assertThat(supervisor.info().restartsInWindow()).isZero();
		assertThat(this.kit.runtime.isAlive(SupervisionKit.pid(supervisor))).isTrue();
	}

}
