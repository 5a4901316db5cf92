package dev.otpspring.supervisor;

import dev.otpspring.process.OtpException;

/** A child spec or a supervisor spec is invalid; the message names the child and the bad field (R6.1). */
public class InvalidChildSpecException extends OtpException {

	public InvalidChildSpecException(String message) {
		super(message);
	}

}
