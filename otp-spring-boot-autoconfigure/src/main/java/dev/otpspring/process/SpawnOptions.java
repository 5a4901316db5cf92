package dev.otpspring.process;

import org.jspecify.annotations.Nullable;

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
 * @param mailbox limits on the mailbox; {@link MailboxLimits#UNBOUNDED} (the default) as in OTP
 */
public record SpawnOptions(boolean link, @Nullable Object name, MailboxLimits mailbox) {

	/** Not linked, not named, unbounded mailbox. */
	public static final SpawnOptions DEFAULTS = new SpawnOptions(false, null, MailboxLimits.UNBOUNDED);

	public SpawnOptions {
		java.util.Objects.requireNonNull(mailbox, "mailbox must not be null");
	}

	/** These options, linked to the calling process. */
	public SpawnOptions linked() {
		return new SpawnOptions(true, this.name, this.mailbox);
	}

	/** These options, registered under {@code name}. */
	public SpawnOptions named(Object name) {
		return new SpawnOptions(this.link, name, this.mailbox);
	}

	/** These options, with mailbox limits. */
	public SpawnOptions withMailbox(MailboxLimits mailbox) {
		return new SpawnOptions(this.link, this.name, mailbox);
	}

}
