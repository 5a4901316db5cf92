package dev.otpspring.process;

/** A pending timer from {@link OtpRuntime#sendAfter} or a {@link Scheduler}; cancellable once. */
@FunctionalInterface
public interface TimerRef {

	/**
	 * Cancels the timer.
	 * @return true if it had not fired yet and now never will
	 */
	boolean cancel();

}
