package dev.otpspring.spring;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpException;

/**
 * The supervision tree could not start: a child failed to start, so the supervisors stopped what
 * they had started (R6.4) and the application does not come up half-built.
 */
public class OtpTreeStartException extends OtpException {

	private final transient ExitReason reason;

	public OtpTreeStartException(ExitReason reason) {
		super("The OTP supervision tree failed to start: " + reason,
				(reason instanceof ExitReason.Crash crash) ? crash.cause() : null);
		this.reason = reason;
	}

	/** Why the root supervisor's start failed, e.g. {@code {shutdown, {failed_to_start_child, id, reason}}}. */
	public ExitReason reason() {
		return this.reason;
	}

}
