package dev.otpspring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.supervisor.SupervisorEvent;
import dev.otpspring.supervisor.SupervisorEvent.ChildRestarted;
import dev.otpspring.supervisor.SupervisorEvent.GaveUp;
import dev.otpspring.supervisor.SupervisorEvents;

/**
 * Records the {@link SupervisorEvent}s of a runtime from the moment it starts, so a test can wait
 * for a restart instead of sleeping: the waits are woken by the events themselves.
 *
 * <pre>{@code
 * try (SupervisorEventRecorder events = SupervisorEventRecorder.start(runtime)) {
 *     counter.crash();
 *     ChildRestarted restart = events.awaitRestart("counter");
 *     assertThat(restart.restarts()).isEqualTo(1);
 * }
 * }</pre>
 *
 * See {@link RestartAssert} for the same as assertions. Waits are bounded in real time
 * ({@link #DEFAULT_TIMEOUT} unless told otherwise). Thread-safe.
 */
public final class SupervisorEventRecorder implements AutoCloseable {

	/** How long a wait lasts unless told otherwise (real time). */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition recorded = this.lock.newCondition();

	private final List<SupervisorEvent> events = new ArrayList<>();

	private final AutoCloseable subscription;

	private SupervisorEventRecorder(OtpRuntime runtime) {
		this.subscription = SupervisorEvents.of(runtime).subscribe(this::record);
	}

	/** Starts recording the events of every supervisor in {@code runtime}. */
	public static SupervisorEventRecorder start(OtpRuntime runtime) {
		return new SupervisorEventRecorder(Objects.requireNonNull(runtime, "runtime must not be null"));
	}

	/** The events recorded so far, oldest first. */
	public List<SupervisorEvent> events() {
		this.lock.lock();
		try {
			return List.copyOf(this.events);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The restarts of the child {@code childId} recorded so far (in any supervisor), oldest first. */
	public List<ChildRestarted> restarts(Object childId) {
		return events().stream()
			.filter(ChildRestarted.class::isInstance)
			.map(ChildRestarted.class::cast)
			.filter((restart) -> childId.equals(restart.childId()))
			.toList();
	}

	/** Waits for the first restart of the child {@code childId}, up to {@link #DEFAULT_TIMEOUT}. */
	public ChildRestarted awaitRestart(Object childId) {
		return awaitRestart(childId, 1, DEFAULT_TIMEOUT);
	}

	/**
	 * Waits until the child {@code childId} has been restarted {@code count} times since recording
	 * started, and returns that restart.
	 * @throws AssertionError if it has not within {@code timeout} (real time)
	 */
	public ChildRestarted awaitRestart(Object childId, int count, Duration timeout) {
		return await(ChildRestarted.class, (restart) -> childId.equals(restart.childId()), count, timeout,
				"restart #" + count + " of child '" + childId + "'");
	}

	/**
	 * Waits until the supervisor registered as {@code supervisorName} gives up: its restart
	 * intensity was exceeded.
	 * @throws AssertionError if it has not within {@code timeout} (real time)
	 */
	public GaveUp awaitGaveUp(Object supervisorName, Duration timeout) {
		return await(GaveUp.class, (gaveUp) -> supervisorName.equals(gaveUp.supervisor().name()), 1, timeout,
				"supervisor '" + supervisorName + "' to give up");
	}

	/**
	 * Waits for the {@code count}-th recorded event of {@code type} that matches {@code filter}.
	 * @throws AssertionError naming {@code description} and what was recorded, on timeout
	 */
	private <E extends SupervisorEvent> E await(Class<E> type, Predicate<? super E> filter, int count, Duration timeout,
			String description) {
		if (count < 1) {
			throw new IllegalArgumentException("count must be at least 1, was " + count);
		}
		long remaining = timeout.toNanos();
		this.lock.lock();
		try {
			for (;;) {
				List<E> matching = matching(type, filter);
				if (matching.size() >= count) {
					return matching.get(count - 1);
				}
				if (remaining <= 0) {
					throw new AssertionError("Expected %s within %s (real time), but recorded %d such event(s); all events: %s"
						.formatted(description, TestProbe.describe(timeout), matching.size(), this.events));
				}
				remaining = this.recorded.awaitNanos(remaining);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for " + description, ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Stops recording; the events recorded so far stay readable. */
	@Override
	public void close() {
		try {
			this.subscription.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not unsubscribe from the supervisor events", ex);
		}
	}

	private <E extends SupervisorEvent> List<E> matching(Class<E> type, Predicate<? super E> filter) {
		return this.events.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
	}

	/** Called on a supervisor's thread: quick, never blocks for long. */
	private void record(SupervisorEvent event) {
		this.lock.lock();
		try {
			this.events.add(event);
			this.recorded.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

}
