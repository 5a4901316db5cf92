package dev.otpspring.supervisor;

import java.util.function.Function;

import dev.otpspring.genserver.AlreadyStarted;
import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.StartFailedException;
import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessRef;

/**
 * A supervisor for children started at run time, each restarted on its own, stopped all at once
 * at shutdown: Elixir's {@code DynamicSupervisor} (R9.x).
 *
 * <pre>{@code
 * DynamicSupervisor.start(runtime, DynamicSupervisorSpec.named("sessions"));
 * DynamicSupervisor sessions = DynamicSupervisor.of(runtime.named("sessions"));
 * Pid session = sessions.getOrStart(new Via("session", userId), (name) -> ChildSpec.worker(name,
 *         () -> GenServer.startLink(new Session(userId), GenServerOptions.named(name))));
 * }</pre>
 */
public final class DynamicSupervisor extends SupervisorHandle {

	private DynamicSupervisor(ProcessRef ref) {
		super(ref);
	}

	/** A handle to the dynamic supervisor at {@code ref}. */
	public static DynamicSupervisor of(ProcessRef ref) {
		return new DynamicSupervisor(ref);
	}

	/** Starts a dynamic supervisor with no children. */
	public static StartResult start(OtpRuntime runtime, DynamicSupervisorSpec spec) {
		return GenServer.start(runtime, new DynamicSupervisorServer(spec), Supervisor.options(spec.name()));
	}

	/** Like {@link #start}, linked to the calling process: how a parent supervisor starts it. */
	public static StartResult startLink(DynamicSupervisorSpec spec) {
		return GenServer.startLink(new DynamicSupervisorServer(spec), Supervisor.options(spec.name()));
	}

	/**
	 * Starts a child (R9.2): {@code Ok(pid)}, {@code Ignore} (nothing kept),
	 * {@code Error(reason)}, or {@code Error(max_children)}.
	 */
	public StartResult startChild(ChildSpec spec) {
		return (StartResult) call(new SupervisorMessages.StartChild(checked(spec)));
	}

	/**
	 * Returns the live process registered as {@code name}, or starts one with the spec
	 * {@code specForName} builds — whose start must register under {@code name} — for one process
	 * per key. If another caller started it first, that process is returned.
	 * @throws StartFailedException if the start failed
	 */
	public Pid getOrStart(Object name, Function<Object, ChildSpec> specForName) {
		OtpRuntime runtime = ref().runtime();
		Pid existing = runtime.whereis(name);
		if (existing != null) {
			return existing;
		}
		return switch (startChild(specForName.apply(name))) {
			case StartResult.Ok ok -> ok.pid();
			case StartResult.Error(ExitReason.Other(AlreadyStarted started)) -> started.pid();
			case StartResult result -> result.pid(); // throws, naming why
		};
	}

	/**
	 * Stops a child; it is not restarted (R9.5).
	 * @return false if {@code pid} is not a child
	 */
	public boolean terminateChild(Pid pid) {
		return (Boolean) call(new SupervisorMessages.TerminatePid(pid));
	}
}
