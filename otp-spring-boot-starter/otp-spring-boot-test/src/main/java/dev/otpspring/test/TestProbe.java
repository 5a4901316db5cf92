package dev.otpspring.test;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import dev.otpspring.process.Down;
import dev.otpspring.process.Exit;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.MonitorRef;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessBody;
import dev.otpspring.process.Self;

/**
 * A process a test talks through: it queues every message it receives for the test to
 * {@link #expectMessage(Class) expect}, and monitors, links and spawns on the test's behalf (those
 * only work inside a process).
 *
 * <pre>{@code
 * TestProbe probe = TestProbe.spawn(runtime);
 * Pid worker = probe.spawnMonitored(() -> message -> { throw new IllegalStateException("boom"); });
 * runtime.send(worker, "hello");
 * assertThat(probe.expectDown(worker)).isInstanceOf(ExitReason.Crash.class);
 * probe.expectNoMessage();
 * }</pre>
 *
 * Every timeout here is <em>real</em> time: it bounds how long the test thread waits, so it works
 * the same with a {@link dev.otpspring.process.ManualScheduler}, whose clock only drives the
 * runtime's own timers. A passing test never waits a timeout out, so the default of
 * {@value #DEFAULT_TIMEOUT_SECONDS} seconds is generous. Used from one test thread at a time.
 */
public final class TestProbe {

	static final long DEFAULT_TIMEOUT_SECONDS = 3;

	/** How long an expectation waits unless told otherwise (real time). */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);

	private final OtpRuntime runtime;

	private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();

	private final Pid pid;

	private TestProbe(OtpRuntime runtime, boolean trapExits) {
		this.runtime = Objects.requireNonNull(runtime, "runtime must not be null");
		CountDownLatch started = new CountDownLatch(1);
		this.pid = runtime.spawn(() -> {
			Self.trapExits(trapExits);
			started.countDown();
			return this::handle;
		});
		awaitReal(started, "start");
	}

	/** Spawns a probe that does not trap exits; returns once it runs. */
	public static TestProbe spawn(OtpRuntime runtime) {
		return new TestProbe(runtime, false);
	}

	/** Spawns a probe that traps exits, so exit signals from its links arrive as {@link Exit} messages. */
	public static TestProbe spawnTrappingExits(OtpRuntime runtime) {
		return new TestProbe(runtime, true);
	}

	/** The probe's process: send it messages, or hand it to code that replies to a Pid. */
	public Pid pid() {
		return this.pid;
	}

	// ---- receiving ------------------------------------------------------------------------------

	/**
	 * The next message, waiting up to {@code timeout} of real time.
	 * @throws AssertionError if none arrives in time
	 */
	public Object receive(Duration timeout) {
		Object message = poll(timeout);
		if (message == null) {
			throw new AssertionError("%s expected a message within %s (real time), but none arrived"
				.formatted(this, describe(timeout)));
		}
		return message;
	}

	/** The next message, waiting up to {@link #DEFAULT_TIMEOUT}. */
	public Object expectMessage() {
		return receive(DEFAULT_TIMEOUT);
	}

	/** The next message, which must be of {@code type}; waits up to {@link #DEFAULT_TIMEOUT}. */
	public <T> T expectMessage(Class<T> type) {
		return expectMessage(type, DEFAULT_TIMEOUT);
	}

	/**
	 * The next message, which must be of {@code type}.
	 * @throws AssertionError naming what arrived, if anything, when it is not one
	 */
	public <T> T expectMessage(Class<T> type, Duration timeout) {
		String expected = "a message of type " + type.getSimpleName();
		Object message = next(expected, timeout);
		if (!type.isInstance(message)) {
			throw unexpected(expected, message);
		}
		return type.cast(message);
	}

	/** The next message, which must equal {@code expected}; waits up to {@link #DEFAULT_TIMEOUT}. */
	public void expectMessageEqualTo(Object expected) {
		Object message = next(String.valueOf(expected), DEFAULT_TIMEOUT);
		if (!expected.equals(message)) {
			throw unexpected(String.valueOf(expected), message);
		}
	}

	/**
	 * Asserts that no message has arrived, without waiting: a round trip through the probe's
	 * mailbox first, so everything sent to the probe before this call has been handled by then.
	 */
	public void expectNoMessage() {
		inside(() -> null);
		Object message = this.messages.poll();
		if (message != null) {
			throw unexpected("no message", message);
		}
	}

	/**
	 * Asserts that no message arrives during {@code duration} of real time: for messages that
	 * something else might still send (a timer on the system clock, another process).
	 */
	public void expectNoMessage(Duration duration) {
		Object message = poll(duration);
		if (message != null) {
			throw unexpected("no message within " + describe(duration), message);
		}
		expectNoMessage();
	}

	// ---- monitors and links ---------------------------------------------------------------------

	/** Monitors {@code target} from the probe: a {@link Down} arrives when it exits. */
	public MonitorRef monitor(Pid target) {
		return inside(() -> Self.monitor(target));
	}

	/** Links the probe and {@code other}; spawn the probe with {@link #spawnTrappingExits} to see the {@link Exit}. */
	public void link(Pid other) {
		inside(() -> {
			Self.link(other);
			return null;
		});
	}

	/**
	 * Spawns a process and monitors it before it runs a line of {@code body}, so even a process
	 * that crashes at once yields a {@link Down} with its real reason (not {@code noproc}).
	 * @return the new process
	 */
	public Pid spawnMonitored(ProcessBody body) {
		Objects.requireNonNull(body, "body must not be null");
		return inside(() -> {
			CountDownLatch monitored = new CountDownLatch(1);
			Pid spawned = this.runtime.spawn(() -> {
				monitored.await(); // the probe's monitor is in place before the body starts
				return body.start();
			});
			try {
				Self.monitor(spawned);
			}
			finally {
				monitored.countDown();
			}
			return spawned;
		});
	}

	/**
	 * The reason {@code pid} exited, from the next message, which must be the {@link Down} of a
	 * monitor on it; waits up to {@link #DEFAULT_TIMEOUT}.
	 */
	public ExitReason expectDown(Pid pid) {
		String expected = "Down of " + pid;
		Object message = next(expected, DEFAULT_TIMEOUT);
		if (!(message instanceof Down down) || !down.pid().equals(pid)) {
			throw unexpected(expected, message);
		}
		return down.reason();
	}

	/**
	 * The reason from the next message, which must be an {@link Exit} from {@code from}: the probe
	 * must trap exits; waits up to {@link #DEFAULT_TIMEOUT}.
	 */
	public ExitReason expectExit(Pid from) {
		String expected = "Exit from " + from;
		Object message = next(expected, DEFAULT_TIMEOUT);
		if (!(message instanceof Exit exit) || !from.equals(exit.from())) {
			throw unexpected(expected, message);
		}
		return exit.reason();
	}

	// ---- acting as the probe --------------------------------------------------------------------

	/**
	 * Runs {@code action} inside the probe's process and returns its result: for anything that
	 * must be called from a process, such as a {@code GenServer.call} whose reply should come
	 * from "a client".
	 * @throws RuntimeException what {@code action} threw
	 */
	public <T extends @Nullable Object> T inside(Callable<T> action) {
		Task<T> task = new Task<>(action);
		this.runtime.send(this.pid, task);
		try {
			return task.result.get(DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtimeException) {
				throw runtimeException;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(this + " was interrupted while running a task", ex);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("%s did not run a task within %s (real time); is it still alive?"
				.formatted(this, describe(DEFAULT_TIMEOUT)), ex);
		}
	}

	/** Kills the probe; its monitors and links fire as for any process. */
	public void stop() {
		this.runtime.exit(this.pid, ExitReason.KILL);
	}

	@Override
	public String toString() {
		return "TestProbe " + this.pid;
	}

	// ---- internals ------------------------------------------------------------------------------

	private void handle(Object message) {
		if (message instanceof Task<?> task) {
			task.run();
		}
		else {
			this.messages.add(message);
		}
	}

	private Object next(String expected, Duration timeout) {
		Object message = poll(timeout);
		if (message == null) {
			throw new AssertionError("%s expected %s within %s (real time), but no message arrived"
				.formatted(this, expected, describe(timeout)));
		}
		return message;
	}

	private @Nullable Object poll(Duration timeout) {
		try {
			return this.messages.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(this + " was interrupted while waiting for a message", ex);
		}
	}

	private AssertionError unexpected(String expected, Object received) {
		return new AssertionError("%s expected %s, but received %s (%s)".formatted(this, expected, received,
				received.getClass().getName()));
	}

	private void awaitReal(CountDownLatch latch, String what) {
		try {
			if (!latch.await(DEFAULT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				throw new AssertionError("TestProbe did not " + what + " within " + describe(DEFAULT_TIMEOUT));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while a TestProbe started", ex);
		}
	}

	static String describe(Duration duration) {
		return duration.toString().substring(2).toLowerCase();
	}

	/** Code to run inside the probe; never queued as a message. */
	private static final class Task<T extends @Nullable Object> {

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
