package dev.otpspring.supervisor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.ProcessRef;

/**
 * What {@link Supervisor} and {@link DynamicSupervisor} handles share: a reference to the
 * supervisor's process, and the requests both kinds answer. Each method is a call to that
 * process and waits as long as the supervisor takes (§1: supervisor calls have no timeout).
 */
abstract sealed class SupervisorHandle permits Supervisor, DynamicSupervisor {

	private final ProcessRef ref;

	SupervisorHandle(ProcessRef ref) {
		this.ref = Objects.requireNonNull(ref, "ref must not be null");
	}

	/** Where this handle points. */
	public ProcessRef ref() {
		return this.ref;
	}

	/**
	 * The children, as {@code which_children} (R8.5): in reverse start order for a static
	 * supervisor; with {@code null} ids for a dynamic one (R9.3).
	 */
	@SuppressWarnings("unchecked")
	public List<ChildInfo> whichChildren() {
		return (List<ChildInfo>) call(new SupervisorMessages.WhichChildren());
	}

	/** {@code count_children} (R8.6). */
	public ChildCounts countChildren() {
		return (ChildCounts) call(new SupervisorMessages.CountChildren());
	}

	/** A snapshot for observability. */
	public SupervisorInfo info() {
		return info(GenServerOptions.INFINITY);
	}

	/** A snapshot for observability, waiting at most {@code timeout} (for health checks and endpoints). */
	public SupervisorInfo info(Duration timeout) {
		return (SupervisorInfo) GenServer.call(this.ref, new SupervisorMessages.Info(), timeout);
	}

	/** Stops the supervisor and its children — in reverse order, or all at once for a dynamic one — waiting for them. */
	public void stop() {
		GenServer.stop(this.ref, ExitReason.NORMAL, GenServerOptions.INFINITY);
	}

	/** A null spec is the caller's mistake: refused here, it cannot crash the supervisor and its children. */
	static ChildSpec checked(ChildSpec spec) {
		return Objects.requireNonNull(spec, "spec must not be null");
	}

	final Object call(Object request) {
		return GenServer.call(this.ref, request, GenServerOptions.INFINITY);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.ref + "]";
	}

}
