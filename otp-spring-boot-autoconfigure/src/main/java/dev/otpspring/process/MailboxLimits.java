package dev.otpspring.process;

import java.util.Objects;

/**
 * Optional limits on a process's mailbox — beyond OTP, whose mailboxes are unbounded (still the
 * default here).
 *
 * <pre>{@code
 * MailboxLimits.bounded(10_000, Overflow.DROP).withWarningDepth(8_000)
 * }</pre>
 *
 * @param capacity 0 for unbounded; otherwise the most messages queued at once
 * @param overflow what a send to a full mailbox does; a call is always refused, since a request
 * that cannot be queued cannot be answered
 * @param warningDepth 0 for no warning; otherwise a warning is logged when the queue grows to this
 * depth, once until the mailbox has been emptied again
 */
public record MailboxLimits(int capacity, Overflow overflow, int warningDepth) {

	/** Unbounded, no warning: OTP's behaviour. */
	public static final MailboxLimits UNBOUNDED = new MailboxLimits(0, Overflow.REJECT, 0);

	public MailboxLimits {
		Objects.requireNonNull(overflow, "overflow must not be null");
		if (capacity < 0) {
			throw new IllegalArgumentException("capacity must be 0 (unbounded) or positive, but was " + capacity);
		}
		if (warningDepth < 0) {
			throw new IllegalArgumentException("warningDepth must be 0 (off) or positive, but was " + warningDepth);
		}
	}

	/** A mailbox holding at most {@code capacity} messages. */
	public static MailboxLimits bounded(int capacity, Overflow overflow) {
		return new MailboxLimits(capacity, overflow, 0);
	}

	/** These limits, warning when the queue reaches {@code depth}. */
	public MailboxLimits withWarningDepth(int depth) {
		return new MailboxLimits(this.capacity, this.overflow, depth);
	}

	/** What happens to a message sent to a full mailbox. */
	public enum Overflow {

		/** The sender gets a {@link MailboxFullException}. */
		REJECT,

		/** The message is dropped and counted as a dead letter; the sender is not told. */
		DROP

	}

}
