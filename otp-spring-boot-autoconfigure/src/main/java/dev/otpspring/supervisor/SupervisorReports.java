package dev.otpspring.supervisor;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;

/**
 * Tells the world what a supervisor did: one SLF4J line and one {@link SupervisorEvent} per
 * restart, give-up and start failure, and a progress line per child started. Unlike Elixir's
 * defaults these reports are on (R16.3); tune them, start failures of children included, through
 * the {@code dev.otpspring.supervisor.Supervisor} logger.
 */
final class SupervisorReports {

	private static final Logger logger = LoggerFactory.getLogger(Supervisor.class);

	private final SupervisorRef supervisor;

	private final SupervisorEvents events;

	SupervisorReports(SupervisorRef supervisor, SupervisorEvents events) {
		this.supervisor = supervisor;
		this.events = events;
	}

	SupervisorRef supervisor() {
		return this.supervisor;
	}

	void childExited(Object childId, Pid pid, ExitReason reason, RestartType restart, SupervisorEvent.Decision decision) {
		if (isZombie()) {
			return;
		}
		// Every exit of a permanent child and every abnormal exit is reported (R2.1, R2.3).
		if (restart == RestartType.PERMANENT || !reason.isNormalLike()) {
			logger.error("Child {} of Supervisor {} terminated\n** (exit) {}\nPid: {}\nRestart: {} -> {}", label(childId, pid),
					this.supervisor, reason, pid, restart.name().toLowerCase(java.util.Locale.ROOT), describe(decision));
		}
		publish(new SupervisorEvent.ChildExited(this.supervisor, Instant.now(), childId, pid, reason, decision));
	}

	void childRestarted(Object childId, Pid oldPid, Pid newPid, int restarts) {
		if (isZombie()) {
			return;
		}
		logger.info("Child {} of Supervisor {} restarted as {} (restart #{})", label(childId, newPid), this.supervisor,
				newPid, restarts);
		publish(new SupervisorEvent.ChildRestarted(this.supervisor, Instant.now(), childId, oldPid, newPid, restarts));
	}

	/**
	 * A progress report (R16.3): at info for a static supervisor's children, at debug for a dynamic
	 * supervisor's, which may start one per request and would flood the log.
	 */
	void childStarted(@Nullable Object childId, Pid pid) {
		if (isZombie()) {
			return;
		}
		if (childId != null) {
			logger.info("Child {} of Supervisor {} started\nPid: {}", childId, this.supervisor, pid);
		}
		else {
			logger.debug("Child {} of Supervisor {} started", pid, this.supervisor);
		}
	}

	/**
	 * The one report of a failed start (R16.3): the child's own crash report is left out (see
	 * {@link dev.otpspring.genserver.StartFailureReports}), so this logger silences both.
	 */
	void startFailed(Object childId, ExitReason reason, StartFailure when) {
		if (isZombie()) {
			return;
		}
		logger.error("Child {} of Supervisor {} failed to start\n** (exit) {}\n-> {}", childId, this.supervisor, reason,
				switch (when) {
					case RESTART -> "retrying the restart at once (counts toward restart intensity)";
					case SUPERVISOR_START -> "the supervisor's own start fails; children started so far are stopped";
					case REQUEST -> "the error goes back to the caller; the child is not kept";
				}, (reason instanceof ExitReason.Crash crash) ? crash.cause() : null);
		publish(new SupervisorEvent.StartFailed(this.supervisor, Instant.now(), childId, reason,
				when == StartFailure.RESTART));
	}

	void gaveUp(Object offenderId, ExitReason reason, int maxRestarts, int maxSeconds) {
		if (isZombie()) {
			return;
		}
		logger.error("Supervisor {} reached its maximum restart intensity ({} restarts in {} s); offender: child {} "
				+ "exited with {}\n-> stopping all children and exiting with shutdown; the parent decides what follows",
				this.supervisor, maxRestarts, maxSeconds, offenderId, reason);
		publish(new SupervisorEvent.GaveUp(this.supervisor, Instant.now(), offenderId, reason, maxRestarts, maxSeconds));
	}

	void shutdownError(Object childId, Pid pid, ExitReason reason) {
		if (isZombie()) {
			return;
		}
		logger.error("Child {} of Supervisor {} shut down with an unexpected reason {}", label(childId, pid),
				this.supervisor, reason);
	}

	/**
	 * Whether the supervisor has been killed while it was busy, say restarting children: its code
	 * runs on as a zombie (SEMANTICS §5), whose failed starts and restarts are no one's concern —
	 * its parent reports its exit, and a new incarnation does the restarting.
	 */
	private boolean isZombie() {
		Pid pid = this.supervisor.pid();
		return !pid.runtime().isAlive(pid);
	}

	private void publish(SupervisorEvent event) {
		this.events.publish(event);
	}

	/** When a child failed to start, which decides what the supervisor does next. */
	enum StartFailure {

		/** Restarting it: the restart is retried (R5.1). */
		RESTART,

		/** Starting the supervisor itself, which then fails to start (R6.4). */
		SUPERVISOR_START,

		/** Asked for by {@code startChild} or {@code restartChild} (R8.1, R8.2). */
		REQUEST

	}

	private static Object label(Object childId, Pid pid) {
		return (childId != null) ? childId : pid;
	}

	private static String describe(SupervisorEvent.Decision decision) {
		return switch (decision) {
			case RESTART -> "restarting";
			case KEEP -> "not restarted; spec kept";
			case REMOVE -> "not restarted; removed";
		};
	}

}
