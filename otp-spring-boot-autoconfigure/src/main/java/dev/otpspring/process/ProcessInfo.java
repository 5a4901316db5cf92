package dev.otpspring.process;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one process, from {@link OtpRuntime#info}: the data behind the Actuator view.
 *
 * @param pid the process
 * @param registeredName its registered name, or {@code null}
 * @param status what it is doing
 * @param mailboxDepth messages queued and not yet taken
 * @param messagesProcessed messages handled so far
 * @param trapsExits whether exit signals arrive as {@link Exit} messages
 * @param links the processes it is linked to
 * @param observers monitors and watches on it
 * @param awaiting the process whose reply it is blocked on in a call, or {@code null}
 */
public record ProcessInfo(Pid pid, @Nullable Object registeredName, ProcessStatus status, int mailboxDepth,
		long messagesProcessed, boolean trapsExits, List<Pid> links, int observers, @Nullable Pid awaiting) {

	/** Whether the process was alive when the snapshot was taken. */
	public boolean alive() {
		return this.status != ProcessStatus.EXITED;
	}

}
