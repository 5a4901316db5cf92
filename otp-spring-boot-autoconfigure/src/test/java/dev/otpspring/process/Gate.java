package dev.otpspring.process;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Holds a handler inside a callback until the test opens it, so a test knows exactly where a
 * process is: {@link #pass()} inside the process, {@link #awaitEntered()} and {@link #open()} in
 * the test.
 */
public final class Gate {

	private final CountDownLatch entered = new CountDownLatch(1);

	private final CountDownLatch opened = new CountDownLatch(1);

	private volatile Thread holder;

	/** Called inside a process: signals arrival, then blocks (interruptibly) until opened. */
	public void pass() throws InterruptedException {
		this.holder = Thread.currentThread();
		this.entered.countDown();
		this.opened.await();
	}

	/**
	 * Called inside a process: like {@link #pass()}, but ignores interrupts, like code that the
	 * JVM cannot stop (SEMANTICS §5). Keeps the interrupt flag set for whatever runs next.
	 */
	public void passIgnoringInterrupts() {
		this.holder = Thread.currentThread();
		this.entered.countDown();
		boolean interrupted = false;
		for (;;) {
			try {
				this.opened.await();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** Waits until a process has reached {@link #pass()}. */
	public void awaitEntered() {
		await(this.entered);
	}

	public void open() {
		this.opened.countDown();
	}

	/** The thread that reached the gate, to join it once it must be done. */
	public Thread holder() {
		return this.holder;
	}

	static void await(CountDownLatch latch) {
		try {
			if (!latch.await(TestProbe.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				fail("Timed out after " + TestProbe.TIMEOUT + " waiting for " + latch);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** Waits until {@code thread} (a zombie handler, say) has finished everything it will do. */
	public static void join(Thread thread) {
		try {
			if (!thread.join(TestProbe.TIMEOUT)) {
				fail("Thread " + thread + " did not finish within " + TestProbe.TIMEOUT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
