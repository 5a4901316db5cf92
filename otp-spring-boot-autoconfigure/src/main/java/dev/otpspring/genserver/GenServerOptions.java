package dev.otpspring.genserver;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.otpspring.process.MailboxLimits;

/**
 * How a GenServer (or an Agent) is started.
 *
 * <pre>{@code
 * GenServer.start(runtime, new Counter(), GenServerOptions.named("counter"));
 * }</pre>
 *
 * @param name register the server under this name before {@code init} runs (R6.7), or
 * {@code null}
 * @param initTimeout how long the starter waits for {@code init}; on expiry the server is killed
 * and the start fails with {@code timeout} (R10.2). Default: unlimited, as in OTP
 * @param mailbox limits on its mailbox; unbounded by default, as in OTP
 */
public record GenServerOptions(@Nullable Object name, Duration initTimeout, MailboxLimits mailbox) {

	/** The longest timeout, treated as "wait forever". */
	public static final Duration INFINITY = Duration.ofSeconds(Long.MAX_VALUE);

	/** Unnamed, unlimited init time, unbounded mailbox. */
	public static final GenServerOptions DEFAULTS = new GenServerOptions(null, INFINITY, MailboxLimits.UNBOUNDED);

	public GenServerOptions {
		Objects.requireNonNull(initTimeout, "initTimeout must not be null");
		Objects.requireNonNull(mailbox, "mailbox must not be null");
		if (initTimeout.isNegative()) {
			throw new IllegalArgumentException("initTimeout must not be negative: " + initTimeout);
		}
	}

	/** The defaults, registered under {@code name}. */
	public static GenServerOptions named(Object name) {
		return DEFAULTS.withName(name);
	}

	/** These options with another name. */
	public GenServerOptions withName(Object name) {
		return new GenServerOptions(name, this.initTimeout, this.mailbox);
	}

	/** These options with another init timeout. */
	public GenServerOptions withInitTimeout(Duration timeout) {
		return new GenServerOptions(this.name, timeout, this.mailbox);
	}

	/** These options with mailbox limits. */
	public GenServerOptions withMailbox(MailboxLimits mailbox) {
		return new GenServerOptions(this.name, this.initTimeout, mailbox);
	}

}
