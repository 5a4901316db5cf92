package dev.otpspring.supervisor;

/**
 * Why a supervisor refused a request about a child; found in {@code StartResult.Error} as the
 * term of an {@link dev.otpspring.process.ExitReason.Other} (R8.x, R9.2).
 */
public enum SupervisorError {

	/** No child with that id (or Pid). */
	NOT_FOUND,

	/** The child is running. */
	RUNNING,

	/** The child's restart is being retried (R5.5). */
	RESTARTING,

	/** A child with that id exists but is not running; use restartChild (R8.1). */
	ALREADY_PRESENT,

	/** A dynamic supervisor already has its maximum number of children (R9.2). */
	MAX_CHILDREN;

	@Override
	public String toString() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
