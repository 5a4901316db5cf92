package dev.otpspring.genserver;

import dev.otpspring.process.OtpException;

/** Thrown by {@link StartResult#pid()} when the start did not produce a running process. */
public class StartFailedException extends OtpException {

	public StartFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
