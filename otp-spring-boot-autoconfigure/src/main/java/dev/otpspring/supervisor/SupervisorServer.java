package dev.otpspring.supervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.otpspring.genserver.CallResult;
import dev.otpspring.genserver.From;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.Init;
import dev.otpspring.genserver.NoReply;
import dev.otpspring.genserver.Reply;
import dev.otpspring.genserver.Result;
import dev.otpspring.genserver.StartResult;
import dev.otpspring.genserver.Stop;
import dev.otpspring.genserver.AlreadyStarted;
import dev.otpspring.process.Exit;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Self;
import dev.otpspring.supervisor.SupervisorEvent.Decision;
import dev.otpspring.supervisor.SupervisorMessages.CountChildren;
import dev.otpspring.supervisor.SupervisorMessages.DeleteChild;
import dev.otpspring.supervisor.SupervisorMessages.Info;
import dev.otpspring.supervisor.SupervisorMessages.RestartChild;
import dev.otpspring.supervisor.SupervisorMessages.StartChild;
import dev.otpspring.supervisor.SupervisorMessages.TerminateChild;
import dev.otpspring.supervisor.SupervisorMessages.TryAgainRestart;
import dev.otpspring.supervisor.SupervisorMessages.WhichChildren;
import dev.otpspring.supervisor.SupervisorReports.StartFailure;

/**
 * A static supervisor's process: starts its children in order, restarts them by its strategy and
 * their restart types, gives up past its restart intensity, and stops them in reverse order.
 */
final class SupervisorServer implements GenServerBehaviour<SupervisorServer.State> {

	private final SupervisorSpec spec;

	SupervisorServer(SupervisorSpec spec) {
		this.spec = spec;
	}

	@Override
	public Init<State> init() {
		Self.trapExits(true); // children's exits arrive as messages (R6.1)
		OtpRuntime runtime = Self.runtime();
		SupervisorReports reports = new SupervisorReports(new SupervisorRef(this.spec.name(), Self.pid()),
				SupervisorEvents.of(runtime));
		State state = new State(runtime, reports,
				new RestartIntensity(this.spec.maxRestarts(), this.spec.maxSeconds(), runtime.scheduler()));
		for (ChildSpec childSpec : this.spec.children()) { // in order, each start synchronous (R6.2)
			Child child = new Child(childSpec);
			switch (ChildLifecycle.start(childSpec)) {
				case StartResult.Ok ok -> {
					child.running(ok.pid());
					state.children.add(child);
					reports.childStarted(childSpec.id(), ok.pid());
				}
				case StartResult.Ignore ignore -> {
					if (childSpec.restart() != RestartType.TEMPORARY) {
						state.children.add(child); // spec kept, not running (R6.3)
					}
				}
				case StartResult.Error error -> {
					reports.startFailed(childSpec.id(), error.reason(), StartFailure.SUPERVISOR_START);
					stopChildren(state, state.children.reversed()); // R6.4
					return Init.stop(ExitReason.shutdown(new FailedToStartChild(childSpec.id(), error.reason())));
				}
			}
		}
		return Init.ok(state);
	}

	@Override
	public Result<State> handleInfo(Object message, State state) throws Exception {
		switch (message) {
			case Exit exit -> {
				Child child = state.byPid(exit.from());
				if (child != null) {
					return childExited(state, child, exit.reason());
				}
				// an exit from a child stopped on purpose, already accounted for
			}
			case TryAgainRestart retry -> {
				Child child = state.byId(retry.key());
				if (child != null && child.status == ChildStatus.RESTARTING) { // else cancelled (R5.5)
					return restart(state, child, retry.exitedPid());
				}
			}
			default -> {
				return GenServerBehaviour.super.handleInfo(message, state);
			}
		}
		return new NoReply<>(state);
	}

	private Result<State> childExited(State state, Child child, ExitReason reason) {
		Pid pid = child.pid;
		child.exited(reason);
		RestartType restart = child.spec.restart();
		Decision decision = restart.restartsAfter(reason) ? Decision.RESTART
				: (restart == RestartType.TEMPORARY) ? Decision.REMOVE : Decision.KEEP;
		state.reports.childExited(child.id(), pid, reason, restart, decision);
		switch (decision) {
			case REMOVE -> state.children.remove(child); // R2.3
			case KEEP -> {
			} // R2.2: restartable later with restartChild
			case RESTART -> {
				return restart(state, child, pid);
			}
		}
		return new NoReply<>(state);
	}

	/**
	 * One restart: one entry in the intensity window however many siblings go with it (R4.5).
	 * A failed start marks that child restarting and retries through the mailbox (R5.1–R5.4).
	 */
	private Result<State> restart(State state, Child failed, Pid oldPid) {
		if (!state.intensity.addRestart()) {
			state.reports.gaveUp(failed.id(), failed.lastExitReason, state.intensity.maxRestarts(),
					state.intensity.maxSeconds());
			return new Stop<>(ExitReason.SHUTDOWN, state); // terminate stops the rest (R3.4)
		}
		List<Child> group = switch (this.spec.strategy()) {
			case ONE_FOR_ONE -> List.of(failed);
			case ONE_FOR_ALL -> List.copyOf(state.children);
			case REST_FOR_ONE -> List.copyOf(state.children.subList(state.children.indexOf(failed), state.children.size()));
		};
		for (Child sibling : group.reversed()) { // stop the others in reverse start order (R4.2, R4.3)
			if (sibling != failed && sibling.isRunning()) {
				stopChild(state, sibling);
				if (sibling.spec.restart() == RestartType.TEMPORARY) {
					state.children.remove(sibling); // never restarted, even by the strategy (R2.3)
				}
			}
		}
		for (Child child : group) { // then start them in order, transient ones included (R4.4)
			if (!state.children.contains(child)) {
				continue;
			}
			switch (ChildLifecycle.start(child.spec)) {
				case StartResult.Ok ok -> {
					child.running(ok.pid());
					child.restarts++;
					state.reports.childRestarted(child.id(), (child == failed) ? oldPid : null, ok.pid(), child.restarts);
				}
				case StartResult.Ignore ignore -> {
					child.status = ChildStatus.UNDEFINED; // kept, not running, no longer retried (R5.7)
					if (child.spec.restart() == RestartType.TEMPORARY) {
						state.children.remove(child);
					}
				}
				case StartResult.Error error -> {
					child.status = ChildStatus.RESTARTING;
					child.lastExitReason = error.reason();
					state.reports.startFailed(child.id(), error.reason(), StartFailure.RESTART);
					Self.runtime().send(Self.pid(), new TryAgainRestart(child.id(), (child == failed) ? oldPid : null));
					return new NoReply<>(state);
				}
			}
		}
		return new NoReply<>(state);
	}

	@Override
	public CallResult<State> handleCall(Object request, From from, State state) {
		return switch (request) {
			case StartChild start -> new Reply<>(startChild(state, start.spec()), state);
			case TerminateChild terminate -> new Reply<>(terminateChild(state, terminate.id()), state);
			case RestartChild restart -> new Reply<>(restartChild(state, restart.id()), state);
			case DeleteChild delete -> new Reply<>(deleteChild(state, delete.id()), state);
			case WhichChildren which -> new Reply<>(whichChildren(state), state);
			case CountChildren count -> new Reply<>(ChildCounts.of(state.runtime, state.children), state);
			case Info info -> new Reply<>(new SupervisorInfo(this.spec.name(), Self.pid(), this.spec.strategy(), false,
					this.spec.maxRestarts(), this.spec.maxSeconds(), state.intensity.inWindow(),
					DynamicSupervisorSpec.UNLIMITED, whichChildren(state)), state);
			default -> throw new IllegalArgumentException("Not a supervisor request: " + request.getClass().getName());
		};
	}

	private StartResult startChild(State state, ChildSpec spec) {
		Child existing = state.byId(spec.id());
		if (existing != null) { // R8.1
			return new StartResult.Error(ExitReason.of(
					existing.isRunning() ? new AlreadyStarted(existing.pid) : SupervisorError.ALREADY_PRESENT));
		}
		Child child = new Child(spec);
		StartResult result = ChildLifecycle.start(spec);
		switch (result) {
			case StartResult.Ok ok -> {
				child.running(ok.pid());
				state.children.add(child);
				state.reports.childStarted(spec.id(), ok.pid());
			}
			case StartResult.Ignore ignore -> {
				if (spec.restart() != RestartType.TEMPORARY) {
					state.children.add(child);
				}
			}
			case StartResult.Error error -> {
				state.reports.startFailed(spec.id(), error.reason(), StartFailure.REQUEST);
				return new StartResult.Error(ExitReason.of(new ChildStartFailed(error.reason(), spec))); // R8.1, OTP 25
			}
		}
		return result;
	}

	/** R7.8, R8.4: stopped like at shutdown, not a restart; a pending restart retry is cancelled (R5.5). */
	private boolean terminateChild(State state, Object id) {
		Child child = state.byId(id);
		if (child == null) {
			return false;
		}
		if (child.isRunning()) {
			stopChild(state, child);
		}
		child.status = ChildStatus.UNDEFINED;
		if (child.spec.restart() == RestartType.TEMPORARY) {
			state.children.remove(child);
		}
		return true;
	}

	/** R8.2: restarting by hand does not count toward intensity. */
	private StartResult restartChild(State state, Object id) {
		Child child = state.byId(id);
		if (child == null || child.status != ChildStatus.UNDEFINED) {
			SupervisorError error = (child == null) ? SupervisorError.NOT_FOUND
					: (child.status == ChildStatus.RUNNING) ? SupervisorError.RUNNING : SupervisorError.RESTARTING;
			return new StartResult.Error(ExitReason.of(error));
		}
		StartResult result = ChildLifecycle.start(child.spec);
		if (result instanceof StartResult.Ok ok) {
			child.running(ok.pid());
			state.reports.childStarted(id, ok.pid());
		}
		else if (result instanceof StartResult.Error error) {
			state.reports.startFailed(id, error.reason(), StartFailure.REQUEST);
		}
		return result;
	}

	/** R8.3: only a child that is not running can be deleted; {@code null} means done. */
	private SupervisorError deleteChild(State state, Object id) {
		Child child = state.byId(id);
		if (child == null) {
			return SupervisorError.NOT_FOUND;
		}
		if (child.status != ChildStatus.UNDEFINED) {
			return (child.status == ChildStatus.RUNNING) ? SupervisorError.RUNNING : SupervisorError.RESTARTING;
		}
		state.children.remove(child);
		return null;
	}

	private static List<ChildInfo> whichChildren(State state) {
		return state.children.reversed().stream().map((child) -> child.info(false)).toList(); // R8.5
	}

	/** R3.4, R7.1: stop every running child, one at a time, in reverse start order. */
	@Override
	public void terminate(ExitReason reason, State state) {
		stopChildren(state, state.children.reversed());
	}

	private static void stopChildren(State state, List<Child> children) {
		for (Child child : children) {
			if (child.isRunning()) {
				stopChild(state, child);
			}
		}
	}

	private static void stopChild(State state, Child child) {
		Pid pid = child.pid;
		Map<Pid, ExitReason> exits = ChildLifecycle.shutdown(state.runtime, List.of(child));
		ExitReason reason = exits.get(pid);
		if (reason != null && !ChildLifecycle.isExpectedShutdown(child.spec, reason)) {
			state.reports.shutdownError(child.id(), pid, reason);
		}
		child.pid = null;
		child.status = ChildStatus.UNDEFINED;
	}

	/** The supervisor's state: its children in start order. Confined to its process. */
	static final class State {

		final OtpRuntime runtime;

		final SupervisorReports reports;

		final RestartIntensity intensity;

		final List<Child> children = new ArrayList<>();

		State(OtpRuntime runtime, SupervisorReports reports, RestartIntensity intensity) {
			this.runtime = runtime;
			this.reports = reports;
			this.intensity = intensity;
		}

		Child byPid(Pid pid) {
			for (Child child : this.children) {
				if (pid != null && pid.equals(child.pid)) {
					return child;
				}
			}
			return null;
		}

		Child byId(Object id) {
			for (Child child : this.children) {
				if (child.id().equals(id)) {
					return child;
				}
			}
			return null;
		}

		@Override
		public String toString() {
			return "SupervisorState" + this.children.stream().map(Child::id).toList();
		}

	}

}
