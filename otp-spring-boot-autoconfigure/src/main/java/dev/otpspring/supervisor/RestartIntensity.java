package dev.otpspring.supervisor;

import java.util.ArrayDeque;

import dev.otpspring.process.Scheduler;

/**
 * The restart window of one supervisor, counted exactly as OTP counts it (R3.1, R3.2): whole
 * seconds, inclusive bound, so a restart stays counted until {@code now >= at + maxSeconds + 1}.
 * Shared by all children of the supervisor (R3.3). Confined to the supervisor's process.
 */
final class RestartIntensity {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final int maxRestarts;

	private final int maxSeconds;

	private final Scheduler clock;

	/** Restart times in whole seconds, oldest first. */
	private final ArrayDeque<Long> restarts = new ArrayDeque<>();

	RestartIntensity(int maxRestarts, int maxSeconds, Scheduler clock) {
		this.maxRestarts = maxRestarts;
		this.maxSeconds = maxSeconds;
		this.clock = clock;
	}

	/**
	 * Records a restart about to be attempted.
	 * @return false if it is one too many: the supervisor must give up (R3.4)
	 */
	boolean addRestart() {
		long now = nowSeconds();
		prune(now);
		this.restarts.addLast(now);
		return this.restarts.size() <= this.maxRestarts;
	}

	/** Restarts still counted in the window now. */
	int inWindow() {
		prune(nowSeconds());
		return this.restarts.size();
	}

	int maxRestarts() {
		return this.maxRestarts;
	}

	int maxSeconds() {
		return this.maxSeconds;
	}

	private void prune(long now) {
		while (!this.restarts.isEmpty() && this.restarts.peekFirst() < now - this.maxSeconds) {
			this.restarts.removeFirst();
		}
	}

	private long nowSeconds() {
		return Math.floorDiv(this.clock.nanoTime(), NANOS_PER_SECOND);
	}

}
