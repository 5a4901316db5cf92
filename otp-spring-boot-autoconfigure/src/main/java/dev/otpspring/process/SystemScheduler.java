package dev.otpspring.process;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Scheduler#system()}: the monotonic clock and a hashed timing wheel driven by one daemon
 * thread. Scheduling and cancelling are a queue offer and a compare-and-set, with no shared lock:
 * calls with timeouts and inactivity timeouts come and go far more often than they fire, and a
 * heap-based executor made every one of them take the same lock twice. Timers fire on the tick
 * after their deadline (one millisecond granularity); the thread parks while no timer is pending.
 */
final class SystemScheduler implements Scheduler {

	private static final Logger logger = LoggerFactory.getLogger(SystemScheduler.class);

	private static final long TICK_NANOS = 1_000_000L;

	private static final int WHEEL_SIZE = 512;

	private static final int WHEEL_MASK = WHEEL_SIZE - 1;

	/** Added by any thread; moved into the wheel by the ticker. */
	private final ConcurrentLinkedQueue<Timer> additions = new ConcurrentLinkedQueue<>();

	/** Cancelled by any thread; unlinked from the wheel by the ticker, so they free their task early. */
	private final ConcurrentLinkedQueue<Timer> cancellations = new ConcurrentLinkedQueue<>();

	private final AtomicInteger pending = new AtomicInteger();

	/** Touched only by the ticker thread. */
	private final Bucket[] wheel = new Bucket[WHEEL_SIZE];

	private final long origin = System.nanoTime();

	private final Thread ticker;

	private volatile boolean closed;

	/** Ticker-only: the next tick to expire. */
	private long tick;

	SystemScheduler() {
		for (int i = 0; i < WHEEL_SIZE; i++) {
			this.wheel[i] = new Bucket();
		}
		this.ticker = new Thread(this::run, "otp-timer");
		this.ticker.setDaemon(true);
		this.ticker.start();
	}

	@Override
	public long nanoTime() {
		return System.nanoTime();
	}

	@Override
	public TimerRef schedule(long delayNanos, Runnable task) {
		if (this.closed) {
			throw new IllegalStateException("The OtpRuntime is closed: its timers are stopped, no timer can be set");
		}
		Timer timer = new Timer(this, task, System.nanoTime() + Math.max(0, delayNanos));
		this.additions.add(timer);
		if (this.pending.getAndIncrement() == 0) {
			LockSupport.unpark(this.ticker); // it may be parked with nothing to wait for
		}
		return timer;
	}

	/**
	 * A virtual thread parks without a timeout and one of this wheel's timers wakes it: the JDK's
	 * own timed park of a virtual thread schedules and cancels a task on a shared executor behind
	 * a lock, which costs more than the wait it bounds. A platform thread parks with a timeout.
	 */
	@Override
	public void parkUntil(long deadline) {
		Thread thread = Thread.currentThread();
		long nanos = deadline - System.nanoTime();
		if (!thread.isVirtual() || this.closed) {
			LockSupport.parkNanos(this, nanos); // closed: the wheel no longer turns
			return;
		}
		if (nanos <= 0) {
			return;
		}
		if (nanos >= Long.MAX_VALUE / 8) {
			LockSupport.park(this); // no deadline worth a timer: only an unpark ends this wait
			return;
		}
		TimerRef wakeUp = schedule(nanos, () -> LockSupport.unpark(thread));
		try {
			LockSupport.park(this);
		}
		finally {
			wakeUp.cancel();
		}
	}

	@Override
	public int pendingTimers() {
		return this.pending.get();
	}

	@Override
	public void close() {
		this.closed = true;
		LockSupport.unpark(this.ticker);
	}

	private void cancelled(Timer timer) {
		this.pending.decrementAndGet();
		this.cancellations.add(timer);
	}

	private void run() {
		// Bucket t is expired once a whole tick past t has elapsed, so every timer fires at or after
		// its deadline, at most about two ticks late.
		while (!this.closed) {
			unlinkCancelled();
			if (this.pending.get() == 0) {
				LockSupport.park(this); // woken by the next schedule()
				this.tick = Math.max(this.tick, (System.nanoTime() - this.origin) / TICK_NANOS);
				continue;
			}
			long nextTick = this.origin + (this.tick + 1) * TICK_NANOS;
			long wait = nextTick - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(this, wait);
				continue;
			}
			transferAdditions();
			expire(this.wheel[(int) (this.tick & WHEEL_MASK)]);
			this.tick++;
		}
	}

	private void unlinkCancelled() {
		Timer timer;
		while ((timer = this.cancellations.poll()) != null) {
			if (timer.bucket != null) {
				timer.bucket.remove(timer);
			}
		}
	}

	private void transferAdditions() {
		Timer timer;
		while ((timer = this.additions.poll()) != null) {
			if (timer.state != Timer.WAITING) {
				continue;
			}
			long due = (timer.deadline - this.origin + TICK_NANOS - 1) / TICK_NANOS;
			timer.rounds = Math.max(0, (due - this.tick) / WHEEL_SIZE);
			this.wheel[(int) (Math.max(due, this.tick) & WHEEL_MASK)].add(timer);
		}
	}

	/** Runs a task on the ticker thread; a failing task must not stop every other timer. */
	private static void run(Runnable task) {
		try {
			task.run();
		}
		catch (Throwable ex) {
			logger.warn("A timer task failed", ex);
		}
	}

	private void expire(Bucket bucket) {
		Timer timer = bucket.head;
		while (timer != null) {
			Timer next = timer.next;
			if (timer.state != Timer.WAITING) {
				bucket.remove(timer);
			}
			else if (timer.rounds > 0) {
				timer.rounds--; // due in a later turn of the wheel
			}
			else {
				bucket.remove(timer);
				if (timer.fire()) {
					this.pending.decrementAndGet();
					run(timer.task);
				}
			}
			timer = next;
		}
	}

	/** One scheduled task; its own {@link TimerRef}. */
	private static final class Timer implements TimerRef {

		static final int WAITING = 0;

		static final int FIRED = 1;

		static final int CANCELLED = 2;

		private static final VarHandle STATE;

		static {
			try {
				STATE = MethodHandles.lookup().findVarHandle(Timer.class, "state", int.class);
			}
			catch (ReflectiveOperationException ex) {
				throw new ExceptionInInitializerError(ex);
			}
		}

		final SystemScheduler scheduler;

		final Runnable task;

		final long deadline;

		volatile int state;

		/** Ticker-only. */
		long rounds;

		Bucket bucket;

		Timer prev;

		Timer next;

		Timer(SystemScheduler scheduler, Runnable task, long deadline) {
			this.scheduler = scheduler;
			this.task = task;
			this.deadline = deadline;
		}

		boolean fire() {
			return STATE.compareAndSet(this, WAITING, FIRED);
		}

		@Override
		public boolean cancel() {
			if (!STATE.compareAndSet(this, WAITING, CANCELLED)) {
				return false;
			}
			this.scheduler.cancelled(this);
			return true;
		}

	}

	/** A doubly linked list of timers due on the same tick (modulo the wheel); ticker-only. */
	private static final class Bucket {

		Timer head;

		Timer tail;

		void add(Timer timer) {
			timer.bucket = this;
			timer.prev = this.tail;
			timer.next = null;
			if (this.tail == null) {
				this.head = timer;
			}
			else {
				this.tail.next = timer;
			}
			this.tail = timer;
		}

		void remove(Timer timer) {
			if (timer.bucket != this) {
				return;
			}
			if (timer.prev == null) {
				this.head = timer.next;
			}
			else {
				timer.prev.next = timer.next;
			}
			if (timer.next == null) {
				this.tail = timer.prev;
			}
			else {
				timer.next.prev = timer.prev;
			}
			timer.bucket = null;
			timer.prev = null;
			timer.next = null;
		}

	}

}
