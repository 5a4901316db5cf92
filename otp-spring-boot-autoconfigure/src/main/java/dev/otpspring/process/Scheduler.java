package dev.otpspring.process;

import java.util.concurrent.locks.LockSupport;

/**
 * The runtime's one source of time and timers: {@code sendAfter}, GenServer inactivity
 * timeouts, call deadlines and the supervisors' restart windows all read it.
 * <p>
 * Production uses {@link #system()}: the monotonic clock and one shared timer thread for all
 * timers, never a thread per timer. Tests can use a {@link ManualScheduler} and move time
 * forward by hand, deterministically.
 */
public interface Scheduler extends AutoCloseable {

	/** The system scheduler: {@link System#nanoTime()} and a single daemon timer thread. */
	static Scheduler system() {
		return new SystemScheduler();
	}

	/** Monotonic time in nanoseconds, with an arbitrary origin. */
	long nanoTime();

	/**
	 * Runs {@code task} once, after {@code delayNanos} of this scheduler's time. The task runs on
	 * the scheduler's thread, so it must be quick and must not block (sending a message is fine).
	 * @return a handle to cancel the task
	 * @throws IllegalStateException if the scheduler is closed
	 */
	TimerRef schedule(long delayNanos, Runnable task);

	/**
	 * Parks the calling thread until {@code deadline} (in {@link #nanoTime()} terms) at the
	 * latest. Like {@link LockSupport#parkNanos(long)}, it may return early, for instance on
	 * {@link LockSupport#unpark}; callers re-check their condition.
	 */
	void parkUntil(long deadline);

	/** Timers scheduled and neither fired nor cancelled; for leak checks and metrics. */
	int pendingTimers();

	/** Stops the timer thread; pending timers never fire. */
	@Override
	void close();

}
