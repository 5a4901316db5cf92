package dev.otpspring.supervisor;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.otpspring.genserver.AlreadyStarted;
import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;

import static dev.otpspring.supervisor.ChildProbe.Outcome.FAIL_INIT;
import static dev.otpspring.supervisor.ChildProbe.Outcome.IGNORE;
import static dev.otpspring.supervisor.ChildProbe.Outcome.THROW;
import static dev.otpspring.supervisor.SupervisionKit.child;
import static dev.otpspring.supervisor.SupervisionKit.pidOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** startChild, restartChild, deleteChild, terminateChild, whichChildren, countChildren (R8.1–R8.6). */
@Timeout(30)
class SupervisorApiTest {

	private final SupervisionKit kit = SupervisionKit.withFrozenClock();

	private final ChildProbe probe = this.kit.probe;

	private final Supervisor supervisor = this.kit
		.start(SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(this.probe.worker("a"), this.probe.worker("b"))));

	@AfterEach
	void close() throws Exception {
		this.kit.close();
	}

	private static StartResult.Error error(Object term) {
		return new StartResult.Error(ExitReason.of(term));
	}

	@Test
	void startChildStartsAndAddsAChild() {
		StartResult result = this.supervisor.startChild(this.probe.worker("c"));

		// R8.1
		assertThat(result).isInstanceOf(StartResult.Ok.class);
		assertThat(pidOf(this.supervisor, "c")).isEqualTo(result.pid());
	}

	@Test
	void startChildWithTheIdOfARunningChildReturnsAlreadyStarted() {
		Pid a = pidOf(this.supervisor, "a");

		StartResult result = this.supervisor.startChild(this.probe.worker("a"));

		// R8.1: {error, {already_started, Pid}}, and the start function is not called
		assertThat(result).isEqualTo(error(new AlreadyStarted(a)));
		assertThat(this.probe.attempts("a")).isEqualTo(1);
	}

	@Test
	void startChildWithTheIdOfAStoppedChildReturnsAlreadyPresent() {
		this.supervisor.terminateChild("a");

		StartResult result = this.supervisor.startChild(this.probe.worker("a"));

		// R8.1
		assertThat(result).isEqualTo(error(SupervisorError.ALREADY_PRESENT));
	}

	@Test
	void startChildThatIgnoresKeepsTheSpecUndefined() {
		this.probe.script("c", IGNORE);

		StartResult result = this.supervisor.startChild(this.probe.worker("c"));

		// R8.1: {ok, undefined}, spec kept
		assertThat(result).isInstanceOf(StartResult.Ignore.class);
		assertThat(child(this.supervisor, "c").status()).isEqualTo(ChildStatus.UNDEFINED);
	}

	@Test
	void startChildThatIgnoresKeepsNothingForATemporaryChild() {
		this.probe.script("c", IGNORE);

		StartResult result = this.supervisor.startChild(this.probe.worker("c").withRestart(RestartType.TEMPORARY));

		// R8.1
		assertThat(result).isInstanceOf(StartResult.Ignore.class);
		assertThat(child(this.supervisor, "c")).isNull();
	}

	@Test
	void startChildThatFailsReturnsTheErrorWrappedWithTheChildAndKeepsNothing() {
		this.probe.script("c", FAIL_INIT);
		ChildSpec spec = this.probe.worker("c");

		StartResult result = this.supervisor.startChild(spec);

		// R8.1, OTP 25: {error, {Reason, Child}}
		assertThat(result).isEqualTo(
				new StartResult.Error(ExitReason.of(new ChildStartFailed(ChildProbe.initFailure("c"), spec))));
		assertThat(result.toString()).contains("{child, c, permanent");
		assertThat(child(this.supervisor, "c")).isNull();
	}

	@Test
	void startChildThatCrashesReturnsTheCrashWrappedWithTheChild() {
		this.probe.script("c", THROW);
		ChildSpec spec = this.probe.worker("c");

		StartResult result = this.supervisor.startChild(spec);

		// R8.1: a raise in init is a start failure like any other
		assertThat(result).isInstanceOfSatisfying(StartResult.Error.class,
				(error) -> assertThat(error.reason()).isInstanceOfSatisfying(ExitReason.Other.class,
						(other) -> assertThat(other.term()).isInstanceOfSatisfying(ChildStartFailed.class, (failed) -> {
							assertThat(failed.child()).isEqualTo(spec);
							assertThat(failed.reason()).isInstanceOf(ExitReason.Crash.class);
						})));
	}

	@Test
	void restartChildStartsAStoppedChildAgain() {
		Pid old = pidOf(this.supervisor, "a");
		this.supervisor.terminateChild("a");

		StartResult result = this.supervisor.restartChild("a");

		// R8.2
		assertThat(result).isInstanceOf(StartResult.Ok.class);
		assertThat(result.pid()).isNotEqualTo(old);
		assertThat(pidOf(this.supervisor, "a")).isEqualTo(result.pid());
	}

	@Test
	void restartChildOfARunningChildReturnsRunning() {
		// R8.2
		assertThat(this.supervisor.restartChild("a")).isEqualTo(error(SupervisorError.RUNNING));
	}

	@Test
	void restartChildOfAnUnknownChildReturnsNotFound() {
		// R8.2
		assertThat(this.supervisor.restartChild("nobody")).isEqualTo(error(SupervisorError.NOT_FOUND));
	}

	@Test
	void restartChildThatIgnoresLeavesTheChildUndefined() {
		this.supervisor.terminateChild("a");
		this.probe.script("a", IGNORE);

		StartResult result = this.supervisor.restartChild("a");

		// R8.2: {ok, undefined}
		assertThat(result).isInstanceOf(StartResult.Ignore.class);
		assertThat(child(this.supervisor, "a").status()).isEqualTo(ChildStatus.UNDEFINED);
	}

	@Test
	void restartChildThatFailsReturnsTheErrorAndLeavesTheChildUndefined() {
		this.supervisor.terminateChild("a");
		this.probe.script("a", FAIL_INIT);

		StartResult result = this.supervisor.restartChild("a");

		// R8.2: {error, Reason}; a manual restart is not retried
		assertThat(result).isEqualTo(new StartResult.Error(ChildProbe.initFailure("a")));
		assertThat(child(this.supervisor, "a").status()).isEqualTo(ChildStatus.UNDEFINED);
	}

	@Test
	void deleteChildRemovesAStoppedChild() {
		this.supervisor.terminateChild("a");

		boolean deleted = this.supervisor.deleteChild("a");

		// R8.3
		assertThat(deleted).isTrue();
		assertThat(this.supervisor.whichChildren()).extracting(ChildInfo::id).containsExactly("b");
	}

	@Test
	void deleteChildOfARunningChildIsRefused() {
		// R8.3: {error, running}
		assertThatThrownBy(() -> this.supervisor.deleteChild("a")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("'a'")
			.hasMessageContaining("running");
		assertThat(child(this.supervisor, "a").status()).isEqualTo(ChildStatus.RUNNING);
	}

	@Test
	void deleteChildOfAnUnknownChildReturnsFalse() {
		// R8.3: {error, not_found}
		assertThat(this.supervisor.deleteChild("nobody")).isFalse();
	}

	@Test
	void terminateChildOfAnUnknownChildReturnsFalse() {
		// R8.4: {error, not_found}
		assertThat(this.supervisor.terminateChild("nobody")).isFalse();
	}

	@Test
	void terminateChildOfAStoppedChildSucceeds() {
		this.supervisor.terminateChild("a");

		// R8.4: the child ends up terminated either way
		assertThat(this.supervisor.terminateChild("a")).isTrue();
	}

	@Test
	void whichChildrenListsChildrenInReverseStartOrder() {
		this.supervisor.startChild(this.probe.worker("c"));
		this.supervisor.terminateChild("b");

		List<ChildInfo> children = this.supervisor.whichChildren();

		// R8.5: [c, b, a], stopped ones included with no pid
		assertThat(children).extracting(ChildInfo::id).containsExactly("c", "b", "a");
		assertThat(children).extracting(ChildInfo::status)
			.containsExactly(ChildStatus.RUNNING, ChildStatus.UNDEFINED, ChildStatus.RUNNING);
		assertThat(children.get(1).pid()).isNull();
		assertThat(children).extracting(ChildInfo::type).containsOnly(ChildType.WORKER);
	}

	@Test
	void countChildrenCountsSpecsActiveSupervisorsAndWorkers() {
		SupervisorSpec empty = SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of());
		this.supervisor.startChild(ChildSpec.supervisor("tree", () -> Supervisor.startLink(empty)));
		this.supervisor.terminateChild("b");

		ChildCounts counts = this.supervisor.countChildren();

		// R8.6: active counts live processes only
		assertThat(counts).isEqualTo(new ChildCounts(3, 2, 1, 2));
	}

}
