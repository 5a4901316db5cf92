package dev.otpspring.process;

/**
 * A message whose sender is blocked until the receiver answers it, such as a GenServer call.
 * <p>
 * When the receiver exits before answering — with the message still queued or while handling
 * it — the runtime calls {@link #receiverExited} so the sender is released at once rather
 * than at its timeout (R11.2).
 */
public interface ExpectsReply {

	/**
	 * The receiver exited without answering. Called at most once per exit, possibly after an
	 * answer was already given; implementations ignore that case.
	 * @param receiver the process that exited
	 * @param reason why it exited
	 */
	void receiverExited(Pid receiver, ExitReason reason);

}
