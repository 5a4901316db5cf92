package dev.otpspring.supervisor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A one-shot barrier a test holds a supervisor (or a child) at: the code under test calls
 * {@link #pass()} and waits there until the test calls {@link #release()}.
 */
final class Gate {

	private final CountDownLatch entered = new CountDownLatch(1);

	private final CountDownLatch released = new CountDownLatch(1);

	/** Called by the code under test: signals arrival, then waits for the release. */
	void pass() throws InterruptedException {
		this.entered.countDown();
		this.released.await();
	}

	/** Waits until something has reached the gate. */
	void awaitEntered() throws InterruptedException {
		assertThat(this.entered.await(SupervisionKit.PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
			.as("something reached the gate")
			.isTrue();
	}

	/** Lets whoever waits at the gate (now or later) through. */
	void release() {
		this.released.countDown();
	}

}
