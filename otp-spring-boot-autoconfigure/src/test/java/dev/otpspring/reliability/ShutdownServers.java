package dev.otpspring.reliability;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.otpspring.process.ExitReason;
import dev.otpspring.spring.annotation.GenServer;
import dev.otpspring.spring.annotation.OnTerminate;

/**
 * The {@code @GenServer}s of {@link GracefulShutdownTests}, stopped by root in reverse start order:
 * <pre>
 * root:  workers (supervisor: first, second, third)   trap exits, answer quickly
 *        stuck  (order 5)                             traps exits, blocks forever in a call
 *        last   (order 10)                            traps exits, can be busy for a while
 *        echo   (order 20)                            does not trap exits, can block forever
 * </pre>
 * A server that traps exits (it has an {@code @OnTerminate}) gets the shutdown as a message, after
 * the calls already queued, and runs its terminate (R7.3); one that does not dies at once.
 */
final class ShutdownServers {

	/** What {@code @OnTerminate} methods saw, in order: "last shutdown", … */
	static final BlockingQueue<String> terminated = new LinkedBlockingQueue<>();

	private ShutdownServers() {
	}

	static void reset() {
		terminated.clear();
		Echo.blocked = new CountDownLatch(1);
		Last.busy = new CountDownLatch(1);
		Stuck.blocked = new CountDownLatch(1);
	}

	/** Parks the handler for {@code micros} (cut short if the process is killed). */
	static void busy(long micros) {
		long deadline = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(micros);
		long left;
		while ((left = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
			LockSupport.parkNanos(left);
		}
	}

	/** Blocks the handler until the process is killed, which interrupts it. */
	static void blockForever(CountDownLatch entered) {
		entered.countDown();
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // killed: a zombie now, whose answer goes nowhere
		}
	}

	/** Answers quickly; traps exits. */
	public abstract static class CarefulWorker {

		public long work(long token) {
			busy(500);
			return token;
		}

		@OnTerminate
		void terminate(ExitReason reason) {
			terminated.add(name() + " " + reason);
		}

		abstract String name();

	}

	@GenServer(name = "first", supervisor = "workers", order = 1)
	public static class First extends CarefulWorker {

		@Override
		String name() {
			return "first";
		}

	}

	@GenServer(name = "second", supervisor = "workers", order = 2)
	public static class Second extends CarefulWorker {

		@Override
		String name() {
			return "second";
		}

	}

	@GenServer(name = "third", supervisor = "workers", order = 3)
	public static class Third extends CarefulWorker {

		@Override
		String name() {
			return "third";
		}

	}

	@GenServer(name = "last", order = 10)
	public static class Last extends CarefulWorker {

		static volatile CountDownLatch busy = new CountDownLatch(1);

		/** Busy for a fifth of a second: a shutdown arriving meanwhile waits its turn. */
		public int slowly() {
			busy.countDown();
			busy(200_000);
			return 42;
		}

		@Override
		String name() {
			return "last";
		}

	}

	/** Blocks forever in {@link #hang()}; the shutdown waits behind it, then kills it (R7.2). */
	@GenServer(name = "stuck", order = 5, shutdown = "300ms", callTimeout = "1h")
	public static class Stuck {

		static volatile CountDownLatch blocked = new CountDownLatch(1);

		public int hang() {
			blockForever(blocked);
			return 0;
		}

		@OnTerminate
		void terminate(ExitReason reason) {
			terminated.add("stuck " + reason);
		}

	}

	/** Does not trap exits: a shutdown ends it at once, even blocked, and its callers are told. */
	@GenServer(name = "echo", order = 20, callTimeout = "1h")
	public static class Echo {

		static volatile CountDownLatch blocked = new CountDownLatch(1);

		public int block() {
			blockForever(blocked);
			return 0;
		}

		public long work(long token) {
			return token;
		}

	}

}
