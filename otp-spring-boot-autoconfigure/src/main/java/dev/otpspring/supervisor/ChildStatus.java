package dev.otpspring.supervisor;

/** Where a child stands, as {@code which_children} reports it (R8.5). */
public enum ChildStatus {

	/** Running, with a Pid. */
	RUNNING,

	/** Its restart failed and is being retried (R5.1). */
	RESTARTING,

	/** Not running; the spec is kept (a transient child after a normal exit, a terminated child). */
	UNDEFINED

}
