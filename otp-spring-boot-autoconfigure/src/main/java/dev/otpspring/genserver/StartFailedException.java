package dev.otpspring.genserver;

import org.jspecify.annotations.Nullable;

import dev.otpspring.process.OtpException;

/** Thrown by {@link StartResult#pid()} when the start did not produce a running process. */
public class StartFailedException extends OtpException {

	public StartFailedException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
