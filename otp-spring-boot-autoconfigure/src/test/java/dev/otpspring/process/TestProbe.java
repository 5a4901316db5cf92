package dev.otpspring.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A process for tests: it puts every message it receives into a queue the test reads, and can
 * run code inside itself (to link, monitor or trap exits, which only work inside a process).
 * <p>
 * {@link #expectNoMessage()} proves that nothing arrived by a round trip rather than a wait:
 * every message queued before the round trip is handled before it.
 */
public final class TestProbe {

	/** How long an expectation waits: generous, since a passing test never waits it out. */
	public static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();

	private final Pid pid;

	private TestProbe(OtpRuntime runtime, boolean trapExits) {
		CountDownLatch started = new CountDownLatch(1);
		this.pid = runtime.spawn(() -> {
			Self.trapExits(trapExits);
			started.countDown();
			return this::receive;
		});
		Gate.await(started);
	}

	/** A probe that does not trap exits; returns once it runs. */
	public static TestProbe spawn(OtpRuntime runtime) {
		return new TestProbe(runtime, false);
	}

	/** A probe that traps exits, so exit signals arrive as {@link Exit} messages. */
	public static TestProbe spawnTrapping(OtpRuntime runtime) {
		return new TestProbe(runtime, true);
	}

	public Pid pid() {
		return this.pid;
	}

	private void receive(Object message) {
		switch (message) {
			case Task<?> task -> task.run();
			case Crash crash -> throw crash.exception();
			default -> this.messages.add(message);
		}
	}

	/** Makes the probe's handler throw {@code exception}: the probe crashes. */
	public void crash(RuntimeException exception) {
		this.pid.runtime().send(this.pid, new Crash(exception));
	}

	/** Makes the probe exit with {@code reason} once the current message is handled. */
	public void exitWith(ExitReason reason) {
		inside(() -> {
			Self.exit(reason);
			return null;
		});
	}

	/** Runs {@code action} inside the probe's process and returns its result, or rethrows. */
	public <T> T inside(Callable<T> action) {
		Task<T> task = new Task<>(action);
		this.pid.runtime().send(this.pid, task);
		try {
			return task.result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtimeException) {
				throw runtimeException;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException | TimeoutException ex) {
			throw new AssertionError("Probe " + this.pid + " did not run the task within " + TIMEOUT, ex);
		}
	}

	/** Links the probe to {@code other}. */
	public void link(Pid other) {
		inside(() -> {
			Self.link(other);
			return null;
		});
	}

	/** Monitors {@code other} from the probe. */
	public MonitorRef monitor(Pid other) {
		return inside(() -> Self.monitor(other));
	}

	/** The next message, which must arrive within {@link #TIMEOUT}. */
	public Object expectMessage() {
		try {
			Object message = this.messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (message == null) {
				fail("Probe " + this.pid + " received no message within " + TIMEOUT);
			}
			return message;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** The next message, which must equal {@code expected}. */
	public void expectMessage(Object expected) {
		assertThat(expectMessage()).isEqualTo(expected);
	}

	/** The next message, which must be of {@code type}. */
	public <T> T expect(Class<T> type) {
		Object message = expectMessage();
		assertThat(message).isInstanceOf(type);
		return type.cast(message);
	}

	/** The next {@code count} messages, in arrival order. */
	public List<Object> expectMessages(int count) {
		List<Object> received = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			received.add(expectMessage());
		}
		return received;
	}

	/**
	 * Asserts that no message is waiting, after a round trip through the probe's mailbox: any
	 * message sent to the probe before this call has been handled by then.
	 */
	public void expectNoMessage() {
		inside(() -> null);
		assertThat(this.messages).as("messages received by probe %s", this.pid).isEmpty();
	}

	@Override
	public String toString() {
		return "TestProbe " + this.pid;
	}

	private record Crash(RuntimeException exception) {
	}

	/** Code to run inside the probe; never put in the queue. */
	private static final class Task<T> {

		private final Callable<T> action;

		private final CompletableFuture<T> result = new CompletableFuture<>();

		Task(Callable<T> action) {
			this.action = action;
		}

		void run() {
			try {
				this.result.complete(this.action.call());
			}
			catch (Throwable ex) {
				this.result.completeExceptionally(ex);
			}
		}

	}

}
