package dev.otpspring.process;

/**
 * The base of every exception the OTP runtime throws, so callers can catch them all at once.
 * Each subtype names the process and the operation involved in its message.
 */
public abstract class OtpException extends RuntimeException {

	protected OtpException(String message) {
		super(message);
	}

	protected OtpException(String message, Throwable cause) {
		super(message, cause);
	}

}
