package dev.otpspring.supervisor;

/** Whether a child is a worker or a supervisor; decides the default shutdown (R7.5). */
public enum ChildType {

	/** An ordinary process; default shutdown 5 seconds. */
	WORKER,

	/** A supervisor; default shutdown infinity, so its subtree can finish stopping. */
	SUPERVISOR

}
