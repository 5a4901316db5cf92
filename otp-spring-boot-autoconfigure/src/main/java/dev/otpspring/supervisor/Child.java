package dev.otpspring.supervisor;

import java.time.Instant;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;

/** A supervisor's record of one child. Mutable, and touched only by the supervisor's process. */
final class Child {

	final ChildSpec spec;

	Pid pid;

	ChildStatus status = ChildStatus.UNDEFINED;

	int restarts;

	ExitReason lastExitReason;

	Instant lastExitAt;

	Child(ChildSpec spec) {
		this.spec = spec;
	}

	Object id() {
		return this.spec.id();
	}

	boolean isRunning() {
		return this.status == ChildStatus.RUNNING;
	}

	void running(Pid pid) {
		this.pid = pid;
		this.status = ChildStatus.RUNNING;
	}

	void exited(ExitReason reason) {
		this.pid = null;
		this.status = ChildStatus.UNDEFINED;
		this.lastExitReason = reason;
		this.lastExitAt = Instant.now();
	}

	ChildInfo info(boolean dynamic) {
		return new ChildInfo(dynamic ? null : this.spec.id(), this.pid, this.status, this.spec.type(),
				this.spec.restart(), this.restarts, this.lastExitReason, this.lastExitAt);
	}

}
