package dev.otpspring.supervisor;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;

/** The ways a test worker can exit, one per kind of exit reason a supervisor tells apart (R1.1). */
enum Ending {

	NORMAL(ExitReason.NORMAL),

	SHUTDOWN(ExitReason.SHUTDOWN),

	SHUTDOWN_WITH_TERM(ExitReason.shutdown("done")),

	CRASH(null),

	KILLED(ExitReason.KILLED),

	OTHER_REASON(ExitReason.of("boom"));

	private final ExitReason reason;

	Ending(ExitReason reason) {
		this.reason = reason;
	}

	/** Makes {@code worker} exit this way. */
	void apply(SupervisionKit kit, Pid worker) {
		switch (this) {
			case CRASH -> kit.crash(worker);
			case KILLED -> kit.kill(worker);
			default -> kit.stopWith(worker, this.reason);
		}
	}

	/** Whether {@code reason} is the exit reason this ending produces. */
	boolean produced(ExitReason reason) {
		return (this == CRASH) ? reason instanceof ExitReason.Crash : this.reason.equals(reason);
	}

}
