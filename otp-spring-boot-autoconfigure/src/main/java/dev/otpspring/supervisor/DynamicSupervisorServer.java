package dev.otpspring.supervisor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import dev.otpspring.process.Exit;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Self;
import dev.otpspring.supervisor.SupervisorEvent.Decision;
import dev.otpspring.supervisor.SupervisorMessages.CountChildren;
import dev.otpspring.supervisor.SupervisorMessages.Info;
import dev.otpspring.supervisor.SupervisorMessages.StartChild;
import dev.otpspring.supervisor.SupervisorMessages.TerminatePid;
import dev.otpspring.supervisor.SupervisorMessages.TryAgainRestart;
import dev.otpspring.supervisor.SupervisorMessages.WhichChildren;
import dev.otpspring.supervisor.SupervisorReports.StartFailure;

/**
 * A dynamic supervisor's process: children started at run time, keyed by Pid, each restarted on
 * its own (R4.7, R9.x), stopped all at once at shutdown (R7.6).
 */
final class DynamicSupervisorServer implements GenServerBehaviour<DynamicSupervisorServer.State> {

	private final DynamicSupervisorSpec spec;

	DynamicSupervisorServer(DynamicSupervisorSpec spec) {
		this.spec = spec;
	}

	@Override
	public Init<State> init() {
		Self.trapExits(true);
		OtpRuntime runtime = Self.runtime();
		SupervisorReports reports = new SupervisorReports(new SupervisorRef(this.spec.name(), Self.pid()),
				SupervisorEvents.of(runtime));
		return Init.ok(new State(runtime, reports,
				new RestartIntensity(this.spec.maxRestarts(), this.spec.maxSeconds(), runtime.scheduler())));
	}

	@Override
	public CallResult<State> handleCall(Object request, From from, State state) {
		return switch (request) {
			case StartChild start -> new Reply<>(startChild(state, start.spec()), state);
			case TerminatePid terminate -> new Reply<>(terminateChild(state, terminate.pid()), state);
			case WhichChildren which -> new Reply<>(whichChildren(state), state);
			case CountChildren count -> new Reply<>(ChildCounts.of(state.runtime, state.children.values()), state);
			case Info info -> new Reply<>(new SupervisorInfo(this.spec.name(), Self.pid(), null, true,
					this.spec.maxRestarts(), this.spec.maxSeconds(), state.intensity.inWindow(), this.spec.maxChildren(),
					whichChildren(state)), state);
			default -> throw new IllegalArgumentException("Not a dynamic supervisor request: " + request.getClass().getName());
		};
	}

	/** R9.2: {@code ignore} stores nothing; errors come back unwrapped; restarting children count (R5.6). */
	private StartResult startChild(State state, ChildSpec spec) {
		if (state.children.size() >= this.spec.maxChildren()) {
			return new StartResult.Error(ExitReason.of(SupervisorError.MAX_CHILDREN));
		}
		StartResult result = ChildLifecycle.start(spec);
		if (result instanceof StartResult.Ok ok) {
			Child child = new Child(spec);
			child.running(ok.pid());
			state.children.put(ok.pid(), child);
			state.reports.childStarted(null, ok.pid());
		}
		else if (result instanceof StartResult.Error error) {
			state.reports.startFailed(spec.id(), error.reason(), StartFailure.REQUEST);
		}
		return result;
	}

	/** R9.5: stopped and forgotten, never restarted; a pending retry is cancelled. */
	private boolean terminateChild(State state, Pid pid) {
		Child child = state.children.remove(pid);
		if (child == null) {
			return false;
		}
		if (child.isRunning()) {
			ChildLifecycle.shutdown(state.runtime, List.of(child));
		}
		return true;
	}

	@Override
	public Result<State> handleInfo(Object message, State state) throws Exception {
		switch (message) {
			case Exit exit -> {
				Child child = (exit.from() != null) ? state.children.get(exit.from()) : null;
				if (child != null && child.isRunning()) {
					return childExited(state, exit.from(), child, exit.reason());
				}
			}
			case TryAgainRestart retry -> {
				Child child = state.children.get(retry.key());
				if (child != null && child.status == ChildStatus.RESTARTING) {
					return restart(state, (Pid) retry.key(), child);
				}
			}
			default -> {
				return GenServerBehaviour.super.handleInfo(message, state);
			}
		}
		return new NoReply<>(state);
	}

	private Result<State> childExited(State state, Pid pid, Child child, ExitReason reason) {
		child.exited(reason);
		boolean restart = child.spec.restart().restartsAfter(reason);
		// A dynamic supervisor keeps no spec of a child it does not restart.
		state.reports.childExited(null, pid, reason, child.spec.restart(), restart ? Decision.RESTART : Decision.REMOVE);
		if (!restart) {
			state.children.remove(pid);
			return new NoReply<>(state);
		}
		return restart(state, pid, child);
	}

	/** @param key the Pid the child is filed under: its last Pid until it runs again */
	private Result<State> restart(State state, Pid key, Child child) {
		if (!state.intensity.addRestart()) {
			state.reports.gaveUp(key, child.lastExitReason, state.intensity.maxRestarts(), state.intensity.maxSeconds());
			return new Stop<>(ExitReason.SHUTDOWN, state);
		}
		switch (ChildLifecycle.start(child.spec)) {
			case StartResult.Ok ok -> {
				state.children.remove(key);
				child.running(ok.pid());
				child.restarts++;
				state.children.put(ok.pid(), child);
				state.reports.childRestarted(null, key, ok.pid(), child.restarts);
			}
			case StartResult.Ignore ignore -> state.children.remove(key); // R5.7
			case StartResult.Error error -> {
				child.status = ChildStatus.RESTARTING;
				child.lastExitReason = error.reason();
				state.reports.startFailed(key, error.reason(), StartFailure.RESTART);
				Self.runtime().send(Self.pid(), new TryAgainRestart(key, key));
			}
		}
		return new NoReply<>(state);
	}

	private static List<ChildInfo> whichChildren(State state) {
		List<ChildInfo> children = new ArrayList<>(state.children.size());
		state.children.values().forEach((child) -> children.add(child.info(true)));
		return children;
	}

	/** R7.6: every child gets its exit signal at once; the waits overlap. */
	@Override
	public void terminate(ExitReason reason, State state) {
		List<Child> running = state.children.values().stream().filter(Child::isRunning).toList();
		ChildLifecycle.shutdown(state.runtime, running);
	}

	/** The dynamic supervisor's state. Confined to its process. */
	static final class State {

		final OtpRuntime runtime;

		final SupervisorReports reports;

		final RestartIntensity intensity;

		/** By Pid; a child whose restart is being retried stays under its last Pid. */
		final Map<Pid, Child> children = new LinkedHashMap<>();

		State(OtpRuntime runtime, SupervisorReports reports, RestartIntensity intensity) {
			this.runtime = runtime;
			this.reports = reports;
			this.intensity = intensity;
		}

		@Override
		public String toString() {
			return "DynamicSupervisorState[" + this.children.size() + " children]";
		}

	}

}
