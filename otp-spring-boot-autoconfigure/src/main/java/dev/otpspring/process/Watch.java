package dev.otpspring.process;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A registration made by {@link OtpRuntime#watch}: calls its listener once when the process
 * exits, unless {@linkplain #cancel() cancelled} first.
 */
public final class Watch implements ExitObserver {

	private static final VarHandle FIRED;

	static {
		try {
			FIRED = MethodHandles.lookup().findVarHandle(Watch.class, "fired", boolean.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final ProcessCell target;

	private final ExitListener listener;

	@SuppressWarnings("unused") // accessed through FIRED
	private volatile boolean fired;

	Watch(ProcessCell target, ExitListener listener) {
		this.target = target;
		this.listener = listener;
	}

	@Override
	public void processExited(Pid pid, ExitReason reason) {
		if (FIRED.compareAndSet(this, false, true)) {
			this.listener.exited(pid, reason);
		}
	}

	/**
	 * Stops watching.
	 * @return true if the listener will not be called; false if it already was
	 */
	public boolean cancel() {
		this.target.removeObserver(this);
		return FIRED.compareAndSet(this, false, true);
	}

}
