package dev.otpspring.genserver;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessRef;
import dev.otpspring.process.Scheduler;
import dev.otpspring.process.Watch;

/**
 * The caller of a {@link GenServer#call}, as {@code handleCall} sees it: the handle for a reply.
 * <p>
 * Return {@link NoReply} from {@code handleCall}, keep the {@code From}, and answer later — from
 * this server or any other process — with {@link #reply} (R11.5). Each call is answered at most
 * once: the first reply wins, and a reply after the caller gave up (timeout) is dropped (R11.3).
 * If the server exits before anyone replies, the caller is told at once.
 */
public final class From {

	private static final VarHandle OUTCOME;

	private static final Object NULL_REPLY = new Object();

	private static final Object TIMED_OUT = new Object();

	private static final Object ABANDONED = new Object();

	/** How often a virtual-thread caller yields before parking. */
	private static final int YIELDS = 4;

	/** How long a platform-thread caller spins before parking: a few microseconds of PAUSE. */
	private static final int SPINS = 200;

	static {
		try {
			OUTCOME = MethodHandles.lookup().findVarHandle(From.class, "outcome", Object.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final Pid server;

	private final ProcessRef addressed;

	private final Object request;

	private final Duration timeout;

	private final Pid caller;

	private final Thread waiter;

	@SuppressWarnings("unused") // accessed through OUTCOME
	private volatile Object outcome;

	private volatile Watch serverWatch;

	From(Pid server, ProcessRef addressed, Object request, Duration timeout, Pid caller) {
		this.server = server;
		this.addressed = addressed;
		this.request = request;
		this.timeout = timeout;
		this.caller = caller;
		this.waiter = Thread.currentThread();
	}

	/**
	 * Answers the call. Always succeeds, even when the caller has stopped waiting (R11.6).
	 * @param reply the answer; may be {@code null}
	 */
	public void reply(Object reply) {
		complete((reply != null) ? reply : NULL_REPLY);
	}

	/** The calling process, or {@code null} when the caller is a plain thread. */
	public Pid caller() {
		return this.caller;
	}

	/** Whether the call has been answered, has failed or has been given up on. */
	public boolean isDone() {
		return this.outcome != null;
	}

	/** The server went away without answering: the caller fails at once (R11.2). */
	void serverExited(ExitReason reason) {
		complete(new Exited(reason));
	}

	/**
	 * The server returned {@code noreply}: watch it, so the caller is released if it exits before
	 * someone replies.
	 */
	void awaitDeferredReply(OtpRuntime runtime) {
		Watch watch = runtime.watch(this.server, (pid, reason) -> serverExited(reason));
		this.serverWatch = watch;
		if (this.outcome != null) {
			watch.cancel(); // answered while we were setting up the watch
		}
	}

	private void complete(Object value) {
		if (OUTCOME.compareAndSet(this, null, value)) {
			LockSupport.unpark(this.waiter);
			Watch watch = this.serverWatch;
			if (watch != null) {
				watch.cancel();
			}
		}
	}

	/**
	 * Blocks the caller until the outcome or the deadline.
	 * @return the reply, or for a stop request the server's {@link ExitReason}
	 */
	Object await(Scheduler scheduler, long deadline, boolean expectExit) {
		awaitBriefly();
		for (;;) {
			Object value = this.outcome;
			if (value != null) {
				return decode(value, expectExit);
			}
			if (scheduler.nanoTime() - deadline >= 0) {
				if (OUTCOME.compareAndSet(this, null, TIMED_OUT)) {
					throw new CallTimeoutException(this.addressed, this.request, this.timeout);
				}
				continue;
			}
			if (Thread.currentThread().isInterrupted()) {
				if (OUTCOME.compareAndSet(this, null, ABANDONED)) {
					throw new CallInterruptedException(this.addressed, this.request, this.timeout);
				}
				continue;
			}
			scheduler.parkUntil(deadline);
		}
	}

	/**
	 * Replies between processes usually come back within a microsecond, faster than a park and an
	 * unpark. So first wait cheaply: a virtual thread hands its carrier to the server a few times
	 * (often the server runs right there and answers); a platform thread, which holds no carrier,
	 * spins for a few microseconds. Bounded either way; then the caller parks.
	 */
	private void awaitBriefly() {
		if (Thread.currentThread().isVirtual()) {
			for (int i = 0; i < YIELDS && this.outcome == null; i++) {
				Thread.yield();
			}
		}
		else {
			for (int i = 0; i < SPINS && this.outcome == null; i++) {
				Thread.onSpinWait();
			}
		}
	}

	private Object decode(Object value, boolean expectExit) {
		if (value instanceof Exited exited) {
			if (expectExit) {
				return exited.reason();
			}
			throw new ProcessExitException(this.addressed, this.server, this.request, this.timeout, exited.reason());
		}
		return (value == NULL_REPLY) ? null : value;
	}

	@Override
	public String toString() {
		return "From[" + ((this.caller != null) ? this.caller : this.waiter.getName()) + "]";
	}

	private record Exited(ExitReason reason) {
	}

}
