package dev.otpspring.reliability;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A hang detector, not a stopwatch: fails the run if any client stays in one operation longer
 * than that operation's own timeout plus a generous {@link #MARGIN}. It then records what the
 * client was doing and where its thread stood, and interrupts it so the run can end.
 */
final class Watchdog implements AutoCloseable {

	/** Beyond its timeout, how long an operation may take before it counts as hung. */
	static final Duration MARGIN = Duration.ofSeconds(10);

	private static final long CHECK_EVERY_MILLIS = 200;

	private final List<Slot> slots = new CopyOnWriteArrayList<>();

	private final Queue<String> hangs = new ConcurrentLinkedQueue<>();

	private final CountDownLatch closed = new CountDownLatch(1);

	private final CountDownLatch hung = new CountDownLatch(1);

	private final Thread thread;

	private Watchdog() {
		this.thread = Thread.ofPlatform().daemon().name("soak-watchdog").start(this::watch);
	}

	static Watchdog start() {
		return new Watchdog();
	}

	/** A slot for one client, which must tell it when each operation begins and ends. */
	Slot slot(String client) {
		Slot slot = new Slot(client);
		this.slots.add(slot);
		return slot;
	}

	/**
	 * Waits up to {@code duration}, returning early if an operation hangs.
	 * @return whether nothing hung in the meantime
	 */
	boolean awaitNoHang(Duration duration) throws InterruptedException {
		return !this.hung.await(duration.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** What hung, with the stack of each hung thread; empty if nothing did. */
	List<String> hangs() {
		return List.copyOf(this.hangs);
	}

	private void watch() {
		try {
			while (!this.closed.await(CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS)) {
				long now = System.nanoTime();
				for (Slot slot : this.slots) {
					slot.check(now);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.closed.countDown();
		this.thread.join();
	}

	/** One client's current operation. */
	final class Slot {

		private final String client;

		private volatile Thread thread;

		private volatile String operation;

		private volatile long since;

		private volatile long limitNanos;

		private Slot(String client) {
			this.client = client;
		}

		/** The calling thread starts {@code operation}, which must end within {@code timeout}. */
		void begin(String operation, Duration timeout) {
			this.thread = Thread.currentThread();
			this.limitNanos = timeout.plus(MARGIN).toNanos();
			this.since = System.nanoTime();
			this.operation = operation; // last: a check that sees it also sees when it began
		}

		void end() {
			this.operation = null;
		}

		private void check(long now) {
			String current = this.operation;
			long started = this.since;
			if (current == null || now - started <= this.limitNanos) {
				return;
			}
			Thread stuck = this.thread;
			String stack = Arrays.stream(stuck.getStackTrace())
				.map((frame) -> "\n\tat " + frame)
				.collect(Collectors.joining());
			Watchdog.this.hangs.add(this.client + " hung in " + current + " for "
					+ Duration.ofNanos(now - started).toMillis() + " ms" + stack);
			this.operation = null; // reported once
			Watchdog.this.hung.countDown();
			stuck.interrupt();
		}

	}

}
