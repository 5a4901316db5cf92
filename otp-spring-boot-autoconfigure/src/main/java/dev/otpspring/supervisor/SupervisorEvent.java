package dev.otpspring.supervisor;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;

/**
 * Something a supervisor did, published to {@link SupervisorEvents} listeners — the stream that
 * metrics, health and the Actuator endpoint are built on. Every event is also logged.
 */
public sealed interface SupervisorEvent {

	/** The supervisor it happened in. */
	SupervisorRef supervisor();

	/** When it happened (wall clock, for display). */
	Instant at();

	/** What the supervisor decided about a child that exited. */
	enum Decision {

		/** The child will be restarted (possibly with its siblings, by the strategy). */
		RESTART,

		/** Not restarted; the spec is kept (a transient child after a normal-like exit, R2.2). */
		KEEP,

		/** Not restarted; the spec is removed (a temporary child, R2.3). */
		REMOVE

	}

	/**
	 * A child exited on its own (not stopped by the supervisor).
	 * @param childId the child's id ({@code null} under a dynamic supervisor)
	 * @param pid the process that exited
	 * @param reason its exit reason
	 * @param decision what the supervisor does about it
	 */
	record ChildExited(SupervisorRef supervisor, Instant at, @Nullable Object childId, Pid pid, ExitReason reason,
			Decision decision) implements SupervisorEvent {
	}

	/**
	 * A child was restarted and runs again under a new Pid.
	 * @param childId the child's id ({@code null} under a dynamic supervisor)
	 * @param oldPid the process that exited (or {@code null} if it was only taken along by the strategy)
	 * @param newPid the new process
	 * @param restarts how many times this child has been restarted
	 */
	record ChildRestarted(SupervisorRef supervisor, Instant at, @Nullable Object childId, @Nullable Pid oldPid,
			Pid newPid, int restarts) implements SupervisorEvent {
	}

	/**
	 * A child failed to start.
	 * @param childId the child's id
	 * @param reason why
	 * @param retrying whether the supervisor retries (a failed restart, R5.1); if not, either its
	 * own start fails (R6.4) or {@code startChild}/{@code restartChild} returns the error (R8.1)
	 */
	record StartFailed(SupervisorRef supervisor, Instant at, Object childId, ExitReason reason, boolean retrying)
			implements SupervisorEvent {
	}

	/**
	 * The supervisor exceeded its restart intensity, stopped its children and exits with
	 * {@code shutdown}; its parent decides what happens next (R3.4, R3.5).
	 * @param offenderId the child whose exit was one restart too many
	 * @param offenderReason that child's exit reason
	 * @param maxRestarts the limit
	 * @param maxSeconds the window
	 */
	record GaveUp(SupervisorRef supervisor, Instant at, Object offenderId, ExitReason offenderReason, int maxRestarts,
			int maxSeconds) implements SupervisorEvent {
	}

}
