package dev.otpspring.process;

/**
 * How {@link OtpRuntime#spawn(ProcessBody, SpawnOptions)} starts a process.
 *
 * <pre>{@code
 * runtime.spawn(body, SpawnOptions.DEFAULTS.linked().named("cache"));
 * }</pre>
 *
 * @param link link the new process to the calling process before it runs (spawn_link)
 * @param name register the new process under this name before it runs, or {@code null};
 * registration happens before any code of the process runs (R6.7)
 * @param mailboxCapacity 0 for an unbounded mailbox (the default, as in OTP); otherwise sends
 * beyond this depth are refused with {@link MailboxFullException}
 */
public record SpawnOptions(boolean link, Object name, int mailboxCapacity) {

	/** Not linked, not named, unbounded mailbox. */
	public static final SpawnOptions DEFAULTS = new SpawnOptions(false, null, 0);

	public SpawnOptions {
		if (mailboxCapacity < 0) {
			throw new IllegalArgumentException("mailboxCapacity must be 0 (unbounded) or positive, but was " + mailboxCapacity);
		}
	}

	/** These options, linked to the calling process. */
	public SpawnOptions linked() {
		return new SpawnOptions(true, this.name, this.mailboxCapacity);
	}

	/** These options, registered under {@code name}. */
	public SpawnOptions named(Object name) {
		return new SpawnOptions(this.link, name, this.mailboxCapacity);
	}

	/** These options, with a bounded mailbox. */
	public SpawnOptions withMailboxCapacity(int capacity) {
		return new SpawnOptions(this.link, this.name, capacity);
	}

}
