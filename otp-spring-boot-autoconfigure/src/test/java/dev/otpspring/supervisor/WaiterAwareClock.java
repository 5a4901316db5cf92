package dev.otpspring.supervisor;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import dev.otpspring.process.ManualScheduler;
import dev.otpspring.process.Scheduler;
import dev.otpspring.process.TimerRef;

/**
 * A {@link ManualScheduler} that also knows who waits on it, so a test can move time and then
 * wait until every thread that was waiting has woken up and looked at the new time. That turns
 * "after this much time nothing happened" into a check without real time: whatever a waiter
 * would do when its deadline passes, it has done (or decided not to do) by then.
 */
final class WaiterAwareClock implements Scheduler {

	private final ManualScheduler time = new ManualScheduler();

	private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();

	/** The time each thread saw when it last began to wait. */
	private final Map<Thread, Long> lastSeen = new ConcurrentHashMap<>();

	@Override
	public long nanoTime() {
		return this.time.nanoTime();
	}

	@Override
	public TimerRef schedule(long delayNanos, Runnable task) {
		return this.time.schedule(delayNanos, task);
	}

	@Override
	public void parkUntil(long deadline) {
		Thread thread = Thread.currentThread();
		this.waiting.add(thread);
		this.lastSeen.put(thread, this.time.nanoTime());
		try {
			this.time.parkUntil(deadline);
		}
		finally {
			this.waiting.remove(thread);
		}
	}

	@Override
	public int pendingTimers() {
		return this.time.pendingTimers();
	}

	@Override
	public void close() {
		this.time.close();
	}

	/** Waits until at least {@code count} threads wait on this clock. */
	void awaitWaiters(int count) {
		SupervisionKit.eventually().until(() -> this.waiting.size() >= count);
	}

	/**
	 * Moves time forward, then waits until each thread that was waiting has either begun to wait
	 * again — having seen the new time — or ended.
	 */
	void advanceAndAwaitWaiters(Duration duration) {
		Set<Thread> waiters = Set.copyOf(this.waiting);
		this.time.advance(duration);
		long now = this.time.nanoTime();
		// A waiter that registered but has not parked yet gets a permit, so it cannot miss the move.
		waiters.forEach(LockSupport::unpark);
		SupervisionKit.eventually()
			.until(() -> waiters.stream()
				.allMatch((thread) -> !thread.isAlive() || (this.waiting.contains(thread) && this.lastSeen.get(thread) >= now)));
	}

}
