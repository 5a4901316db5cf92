package dev.otpspring.supervisor;

/**
 * How a supervisor starts, restarts and stops one child (§1 defaults): an id unique within the
 * supervisor, a start function, a restart type ({@code permanent}), a shutdown (5 s for workers,
 * infinity for supervisors) and a type.
 *
 * <pre>{@code
 * ChildSpec counter = ChildSpec.worker("counter", () -> GenServer.startLink(new Counter()))
 *         .withRestart(RestartType.TRANSIENT);
 * ChildSpec payments = ChildSpec.supervisor("payments", () -> Supervisor.startLink(paymentsSpec));
 * }</pre>
 *
 * @param id identifies the child within its supervisor (any value with sound equals)
 * @param start starts the child, on every start and restart
 * @param restart when to restart it
 * @param shutdown how to stop it
 * @param type worker or supervisor
 */
public record ChildSpec(Object id, ChildStart start, RestartType restart, Shutdown shutdown, ChildType type) {

	public ChildSpec {
		if (id == null) {
			throw new InvalidChildSpecException("A child spec has no id; every child needs one");
		}
		if (start == null) {
			throw new InvalidChildSpecException("Child '" + id + "': start must not be null");
		}
		if (restart == null) {
			throw new InvalidChildSpecException("Child '" + id + "': restart must not be null");
		}
		if (shutdown == null) {
			throw new InvalidChildSpecException("Child '" + id + "': shutdown must not be null");
		}
		if (type == null) {
			throw new InvalidChildSpecException("Child '" + id + "': type must not be null");
		}
	}

	/** A permanent worker with a 5 second shutdown. */
	public static ChildSpec worker(Object id, ChildStart start) {
		return new ChildSpec(id, start, RestartType.PERMANENT, Shutdown.DEFAULT_WORKER, ChildType.WORKER);
	}

	/** A permanent supervisor child with an infinite shutdown (R7.5). */
	public static ChildSpec supervisor(Object id, ChildStart start) {
		return new ChildSpec(id, start, RestartType.PERMANENT, Shutdown.INFINITY, ChildType.SUPERVISOR);
	}

	/** This spec with another restart type. */
	public ChildSpec withRestart(RestartType restart) {
		return new ChildSpec(this.id, this.start, restart, this.shutdown, this.type);
	}

	/** This spec with another shutdown. */
	public ChildSpec withShutdown(Shutdown shutdown) {
		return new ChildSpec(this.id, this.start, this.restart, shutdown, this.type);
	}

	/** This spec with another id. */
	public ChildSpec withId(Object id) {
		return new ChildSpec(id, this.start, this.restart, this.shutdown, this.type);
	}

}
