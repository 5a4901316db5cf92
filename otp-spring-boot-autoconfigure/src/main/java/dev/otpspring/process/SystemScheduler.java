package dev.otpspring.process;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** {@link Scheduler#system()}: the monotonic clock and one daemon timer thread. */
final class SystemScheduler implements Scheduler {

	private final ScheduledThreadPoolExecutor timers;

	SystemScheduler() {
		this.timers = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "otp-timer");
			thread.setDaemon(true);
			return thread;
		});
		// Cancelled GenServer timeouts are the common case; drop them at once instead of at expiry.
		this.timers.setRemoveOnCancelPolicy(true);
		this.timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	@Override
	public long nanoTime() {
		return System.nanoTime();
	}

	@Override
	public TimerRef schedule(long delayNanos, Runnable task) {
		ScheduledFuture<?> future;
		try {
			future = this.timers.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			throw new IllegalStateException("The OtpRuntime is closed: its timers are stopped, no timer can be set", ex);
		}
		return () -> future.cancel(false);
	}

	@Override
	public void parkUntil(long deadline) {
		LockSupport.parkNanos(this, deadline - System.nanoTime());
	}

	@Override
	public int pendingTimers() {
		return this.timers.getQueue().size();
	}

	@Override
	public void close() {
		this.timers.shutdownNow();
	}

}
