package dev.otpspring.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Scheduler} whose time moves only when a test calls {@link #advance}: timers,
 * inactivity timeouts, call deadlines and restart windows become deterministic.
 *
 * <pre>{@code
 * ManualScheduler time = new ManualScheduler();
 * OtpRuntime runtime = OtpRuntime.builder().scheduler(time).build();
 * runtime.sendAfter(pid, "tick", Duration.ofSeconds(30));
 * time.advance(Duration.ofSeconds(30));   // "tick" is delivered now, on this thread
 * }</pre>
 *
 * Thread-safe. Timers run on the thread that calls {@code advance}, in due order.
 */
public final class ManualScheduler implements Scheduler {

	private final ReentrantLock lock = new ReentrantLock();

	private final PriorityQueue<Task> tasks = new PriorityQueue<>();

	private final Set<Thread> parked = ConcurrentHashMap.newKeySet();

	private volatile long now;

	private long sequence;

	@Override
	public long nanoTime() {
		return this.now;
	}

	@Override
	public TimerRef schedule(long delayNanos, Runnable action) {
		this.lock.lock();
		try {
			Task task = new Task(this.now + Math.max(0, delayNanos), this.sequence++, action);
			this.tasks.add(task);
			return () -> cancel(task);
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean cancel(Task task) {
		this.lock.lock();
		try {
			return this.tasks.remove(task);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Moves time forward, running every timer that falls due, in order, on this thread, and
	 * waking threads that wait for a deadline.
	 * @param duration how far to move; not negative
	 */
	public void advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("Cannot move time backwards: " + duration);
		}
		long target = this.now + duration.toNanos();
		for (;;) {
			Task due;
			this.lock.lock();
			try {
				Task next = this.tasks.peek();
				if (next == null || next.due > target) {
					this.now = target;
					break;
				}
				due = this.tasks.poll();
				this.now = Math.max(this.now, due.due);
			}
			finally {
				this.lock.unlock();
			}
			due.action.run();
		}
		List<Thread> waiting = new ArrayList<>(this.parked);
		waiting.forEach(LockSupport::unpark);
	}

	@Override
	public void parkUntil(long deadline) {
		Thread thread = Thread.currentThread();
		this.parked.add(thread);
		try {
			// Registered first, then checked: an advance() in between cannot be missed.
			// Real time is irrelevant here: a reply, an interrupt or advance() wakes the thread.
			if (this.now < deadline) {
				LockSupport.park(this);
			}
		}
		finally {
			this.parked.remove(thread);
		}
	}

	@Override
	public int pendingTimers() {
		this.lock.lock();
		try {
			return this.tasks.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void close() {
		this.lock.lock();
		try {
			this.tasks.clear();
		}
		finally {
			this.lock.unlock();
		}
	}

	private record Task(long due, long sequence, Runnable action) implements Comparable<Task> {

		@Override
		public int compareTo(Task other) {
			int byDue = Long.compare(this.due, other.due);
			return (byDue != 0) ? byDue : Long.compare(this.sequence, other.sequence);
		}

	}

}
