package dev.otpspring.test;

import java.time.Duration;
import java.util.Objects;

import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * AssertJ assertions on what supervisors did, read from a {@link SupervisorEventRecorder}. The
 * assertions that expect something to happen wait for it (woken by the events, bounded in real
 * time), so they can follow the crash directly.
 *
 * <pre>{@code
 * counter.crash();
 * RestartAssert.assertThat(events).restartedChild("counter").times(1);
 * RestartAssert.assertThat(events).hasNotRestarted("ledger");
 * }</pre>
 */
public final class RestartAssert extends AbstractAssert<RestartAssert, SupervisorEventRecorder> {

	private Duration timeout = SupervisorEventRecorder.DEFAULT_TIMEOUT;

	private @Nullable Object childId;

	private RestartAssert(SupervisorEventRecorder events) {
		super(events, RestartAssert.class);
	}

	/** Starts assertions on the events {@code events} recorded. */
	public static RestartAssert assertThat(SupervisorEventRecorder events) {
		return new RestartAssert(Objects.requireNonNull(events, "events must not be null"));
	}

	/** Waits up to {@code timeout} (real time) in the assertions that follow; 5 seconds by default. */
	public RestartAssert within(Duration timeout) {
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
		return this;
	}

	/** Waits until the child {@code childId} has been restarted, and makes it the subject of {@link #times}. */
	public RestartAssert restartedChild(Object childId) {
		this.childId = Objects.requireNonNull(childId, "childId must not be null");
		this.actual.awaitRestart(childId, 1, this.timeout);
		return this;
	}

	/**
	 * Waits until the child named in {@link #restartedChild} has been restarted {@code expected}
	 * times, then asserts that it has not been restarted more often.
	 */
	public RestartAssert times(int expected) {
		if (this.childId == null) {
			throw new IllegalStateException("Name the child first: restartedChild(id).times(n)");
		}
		this.actual.awaitRestart(this.childId, expected, this.timeout);
		int restarts = this.actual.restarts(this.childId).size();
		if (restarts != expected) {
			failWithMessage("Expected child '%s' to be restarted %d time(s), but it was restarted %d times: %s",
					this.childId, expected, restarts, this.actual.restarts(this.childId));
		}
		return this;
	}

	/** Asserts, without waiting, that no restart of the child {@code childId} has been recorded. */
	public RestartAssert hasNotRestarted(Object childId) {
		if (!this.actual.restarts(childId).isEmpty()) {
			failWithMessage("Expected child '%s' not to be restarted, but it was: %s", childId,
					this.actual.restarts(childId));
		}
		return this;
	}

	/** Waits until the supervisor registered as {@code supervisorName} gives up (its restart intensity exceeded). */
	public RestartAssert gaveUp(Object supervisorName) {
		this.actual.awaitGaveUp(Objects.requireNonNull(supervisorName, "supervisorName must not be null"), this.timeout);
		return this;
	}

}
