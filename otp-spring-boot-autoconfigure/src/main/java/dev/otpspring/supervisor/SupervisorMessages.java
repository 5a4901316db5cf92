package dev.otpspring.supervisor;

import dev.otpspring.process.Pid;

/** The requests a supervisor's process understands. */
final class SupervisorMessages {

	private SupervisorMessages() {
	}

	record StartChild(ChildSpec spec) {
	}

	record TerminateChild(Object id) {
	}

	/** Dynamic supervisors terminate by Pid (R9.5). */
	record TerminatePid(Pid pid) {
	}

	record RestartChild(Object id) {
	}

	record DeleteChild(Object id) {
	}

	record WhichChildren() {
	}

	record CountChildren() {
	}

	record Info() {
	}

	/**
	 * Retry of a failed restart, sent to itself so queued requests are served in between (R5.1,
	 * R5.5). Static supervisors identify the child by id, dynamic ones by its last Pid.
	 * @param exitedPid the process whose exit led to the restart, for the restart report;
	 * {@code null} if the child was only taken along by the strategy
	 */
	record TryAgainRestart(Object key, Pid exitedPid) {
	}

}
