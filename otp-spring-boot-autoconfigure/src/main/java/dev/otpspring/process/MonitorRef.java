package dev.otpspring.process;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A monitor set up by {@link Self#monitor}: identifies the one {@link Down} message it will
 * deliver, and can be cancelled with {@link Self#demonitor}.
 * <p>
 * Monitors are one-way and stack: each call yields its own reference and its own {@code Down}
 * (R13.4). After {@code demonitor}, no {@code Down} for this reference is handled, even one
 * already queued (Erlang's {@code [flush]}).
 */
public final class MonitorRef implements ExitObserver {

	private static final VarHandle ACTIVE;

	static {
		try {
			ACTIVE = MethodHandles.lookup().findVarHandle(MonitorRef.class, "active", boolean.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final ProcessCell watcher;

	private final Pid target;

	@SuppressWarnings("unused") // accessed through ACTIVE
	private volatile boolean active = true;

	MonitorRef(ProcessCell watcher, Pid target) {
		this.watcher = watcher;
		this.target = target;
	}

	/** The monitored process. */
	public Pid target() {
		return this.target;
	}

	@Override
	public void processExited(Pid pid, ExitReason reason) {
		this.watcher.releaseMonitor(this);
		if (this.active) {
			this.watcher.offerSystem(new Down(this, pid, reason));
		}
	}

	/** Claims the right to deliver the single {@code Down}; false once delivered or cancelled. */
	boolean claim() {
		return ACTIVE.compareAndSet(this, true, false);
	}

	ProcessCell watcher() {
		return this.watcher;
	}

	@Override
	public String toString() {
		return "#Reference<monitor " + this.target + ">";
	}

}
