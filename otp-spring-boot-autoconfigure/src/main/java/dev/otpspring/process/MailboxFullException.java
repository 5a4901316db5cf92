package dev.otpspring.process;

import org.jspecify.annotations.Nullable;

/**
 * A message was refused because the receiver's bounded mailbox is full. Mailboxes are unbounded
 * by default, as in OTP; a capacity is an opt-in back-pressure limit per process.
 */
public class MailboxFullException extends OtpException {

	private final transient Pid process;

	public MailboxFullException(Pid process, @Nullable Object name, Object message) {
		super("The mailbox of " + process + ((name != null) ? " (" + name + ")" : "") + " is full; refused "
				+ message.getClass().getName());
		this.process = process;
	}

	/** The process whose mailbox is full. */
	public Pid process() {
		return this.process;
	}

}
