package dev.otpspring.process;

/** Something a process tells, exactly once, when it exits: a monitor or a watch. */
interface ExitObserver {

	/**
	 * Called on the thread that ends the process; must not block.
	 * @param pid the process that exited
	 * @param reason why
	 */
	void processExited(Pid pid, ExitReason reason);

}
