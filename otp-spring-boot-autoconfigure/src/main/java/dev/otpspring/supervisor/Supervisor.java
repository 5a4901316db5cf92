package dev.otpspring.supervisor;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.ProcessRef;

/**
 * A static supervisor: starts its children in order, restarts them when they exit — by its
 * {@link Strategy} and their {@link RestartType} — and gives up, escalating to its parent, past
 * its restart intensity. Elixir's {@code Supervisor}.
 *
 * <pre>{@code
 * Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(
 *         ChildSpec.worker("counter", () -> GenServer.startLink(new Counter(), GenServerOptions.named("counter")))))
 *     .named("root"));
 * Supervisor root = Supervisor.of(runtime.named("root"));
 * root.whichChildren();   // [ChildInfo[id=counter, pid=<0.43.0>, status=RUNNING, …]]
 * }</pre>
 *
 * A {@code Supervisor} is a handle; its methods are calls to the supervisor's process and wait as
 * long as the supervisor takes (§1: supervisor calls have no timeout).
 */
public final class Supervisor extends SupervisorHandle {

	private Supervisor(ProcessRef ref) {
		super(ref);
	}

	/** A handle to the supervisor at {@code ref}. */
	public static Supervisor of(ProcessRef ref) {
		return new Supervisor(ref);
	}

	/**
	 * Starts a supervisor and its children, in order (R6.2). If a child fails to start, those
	 * already started are stopped and the result is
	 * {@code Error({shutdown, {failed_to_start_child, id, reason}})} (R6.4).
	 */
	public static StartResult start(OtpRuntime runtime, SupervisorSpec spec) {
		return GenServer.start(runtime, new SupervisorServer(spec), options(spec.name()));
	}

	/** Like {@link #start}, linked to the calling process: how a parent supervisor starts it. */
	public static StartResult startLink(SupervisorSpec spec) {
		return GenServer.startLink(new SupervisorServer(spec), options(spec.name()));
	}

	static GenServerOptions options(Object name) {
		return (name != null) ? GenServerOptions.named(name) : GenServerOptions.DEFAULTS;
	}

	/**
	 * Adds and starts a child (R8.1). A taken id gives {@code Error({already_started, pid})} if it
	 * runs, {@code Error(already_present)} if not; a child that fails to start gives an error
	 * carrying {@link ChildStartFailed} (the reason and the child, as in OTP 25) and is not kept.
	 */
	public StartResult startChild(ChildSpec spec) {
		return (StartResult) call(new SupervisorMessages.StartChild(checked(spec)));
	}

	/**
	 * Stops a child; its spec is kept unless it is temporary (R7.8, R8.4). Not a restart.
	 * @return false if there is no such child
	 */
	public boolean terminateChild(Object id) {
		return (Boolean) call(new SupervisorMessages.TerminateChild(id));
	}

	/** Starts a stopped child again (R8.2); {@code Error(running | restarting | not_found)} otherwise. */
	public StartResult restartChild(Object id) {
		return (StartResult) call(new SupervisorMessages.RestartChild(id));
	}

	/**
	 * Removes a stopped child's spec (R8.3).
	 * @return false if there is no such child
	 * @throws IllegalStateException if the child is running or restarting
	 */
	public boolean deleteChild(Object id) {
		SupervisorError error = (SupervisorError) call(new SupervisorMessages.DeleteChild(id));
		if (error == SupervisorError.NOT_FOUND) {
			return false;
		}
		if (error != null) {
			throw new IllegalStateException("Cannot delete child '" + id + "' of supervisor " + ref() + ": it is "
					+ error + "; terminate it first");
		}
		return true;
	}
}
