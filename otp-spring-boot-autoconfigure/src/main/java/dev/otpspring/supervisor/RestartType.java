package dev.otpspring.supervisor;

import dev.otpspring.process.ExitReason;

/** When a supervisor restarts a child that exited (R2.x). */
public enum RestartType {

	/** Always restarted, whatever the exit reason, even {@code normal} (R2.1). The default. */
	PERMANENT,

	/** Restarted only after an abnormal exit; {@code normal} and {@code shutdown} leave it stopped (R2.2). */
	TRANSIENT,

	/** Never restarted; its spec is removed when it exits (R2.3). */
	TEMPORARY;

	/** Whether a child of this type that exited with {@code reason} is restarted (R2.1–R2.3). */
	public boolean restartsAfter(ExitReason reason) {
		return switch (this) {
			case PERMANENT -> true;
			case TRANSIENT -> !reason.isNormalLike();
			case TEMPORARY -> false;
		};
	}

}
