package dev.otpspring.genserver;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

import dev.otpspring.process.BriefWait;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessRef;
import dev.otpspring.process.Scheduler;
import dev.otpspring.process.Self;
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

	/** The blocked caller of a {@code call}; {@code null} for {@code callAsync}. */
	private final Thread waiter;

	/** The caller's future for {@code callAsync}; {@code null} for a blocking {@code call}. */
	private final @Nullable CompletableFuture<@Nullable Object> future;

	@SuppressWarnings("unused") // accessed through OUTCOME
	private volatile Object outcome;

	private volatile Watch serverWatch;

	/** For a blocking call: the current thread will {@link #await} the outcome. */
	From(Pid server, ProcessRef addressed, Object request, Duration timeout, Pid caller) {
		this(server, addressed, request, timeout, caller, null);
	}

	/** For an asynchronous call: the outcome completes {@code future}. */
	From(Pid server, ProcessRef addressed, Object request, Duration timeout, Pid caller,
			@Nullable CompletableFuture<@Nullable Object> future) {
		this.server = server;
		this.addressed = addressed;
		this.request = request;
		this.timeout = timeout;
		this.caller = caller;
		this.future = future;
		this.waiter = (future == null) ? Thread.currentThread() : null;
		if (future == null && !timeout.isPositive()) {
			// No time to wait: the call times out at once (R11.3), however fast the server is; it
			// still gets the request, and its reply is dropped.
			this.outcome = TIMED_OUT;
		}
	}

	/**
	 * Answers the call. Always succeeds, even when the caller has stopped waiting (R11.6).
	 * @param reply the answer; may be {@code null}
	 */
	public void reply(@Nullable Object reply) {
		if (Self.isZombie()) {
			return; // like its sends: an exited process answers nobody, its callers are told it exited
		}
		complete((reply != null) ? reply : NULL_REPLY);
	}

	/** The calling process, or {@code null} when the caller is a plain thread. */
	public @Nullable Pid caller() {
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

	/** The asynchronous caller's timeout passed: it fails, and a late reply is dropped (R11.3). */
	void expire() {
		complete(TIMED_OUT);
	}

	private void complete(Object value) {
		if (OUTCOME.compareAndSet(this, null, value)) {
			if (this.future != null) {
				settle(value);
			}
			else {
				LockSupport.unpark(this.waiter);
			}
			Watch watch = this.serverWatch;
			if (watch != null) {
				watch.cancel();
			}
		}
	}

	private void settle(Object value) {
		if (value == TIMED_OUT) {
			this.future.completeExceptionally(new CallTimeoutException(this.addressed, this.request, this.timeout));
			return;
		}
		try {
			this.future.complete(decode(value, false));
		}
		catch (CallException ex) {
			this.future.completeExceptionally(ex);
		}
	}

	/**
	 * Blocks the caller until the outcome or the deadline.
	 * @return the reply, or for a stop request the server's {@link ExitReason}
	 */
	Object await(Scheduler scheduler, long deadline, boolean expectExit) {
		BriefWait.until(this::isDone, () -> this.server.runtime().isBusy(this.server));
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

	private Object decode(Object value, boolean expectExit) {
		if (value == TIMED_OUT) {
			throw new CallTimeoutException(this.addressed, this.request, this.timeout);
		}
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
		Object who = (this.caller != null) ? this.caller
				: (this.waiter != null) ? "thread " + this.waiter.getName() : "an asynchronous caller";
		return "From[" + who + "]";
	}

	private record Exited(ExitReason reason) {
	}

}
