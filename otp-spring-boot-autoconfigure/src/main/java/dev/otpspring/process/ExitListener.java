package dev.otpspring.process;

/**
 * A callback told when a watched process exits: the non-process form of a monitor, for code
 * that is not a process (the Spring layer, metrics, a blocking wait).
 * <p>
 * It runs on the thread that ends the process, so it must be quick and must not block; hand
 * real work to a process with {@link OtpRuntime#send}.
 */
@FunctionalInterface
public interface ExitListener {

	/**
	 * @param pid the process that exited
	 * @param reason why it exited; {@code noproc} if it was already dead when watched
	 */
	void exited(Pid pid, ExitReason reason);

}
