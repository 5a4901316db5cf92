package dev.otpspring.genserver;

import java.time.Duration;

import dev.otpspring.process.ProcessRef;

/**
 * A server called itself, which could only deadlock (R11.1, {@code calling_self}). Handle the
 * request directly, or {@code cast} it to yourself.
 */
public class CallingSelfException extends CallException {

	public CallingSelfException(ProcessRef server, Object request, Duration timeout) {
		super("A process cannot call itself: it would wait forever for its own reply", server, request, timeout, null);
	}

}
