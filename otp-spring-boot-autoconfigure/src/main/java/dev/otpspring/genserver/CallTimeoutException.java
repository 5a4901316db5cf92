package dev.otpspring.genserver;

import java.time.Duration;

import dev.otpspring.process.ProcessRef;

/**
 * The server did not reply within the timeout (R11.3). It is unaffected and may still handle the
 * request; a reply that comes later is dropped, never delivered to a later call.
 */
public class CallTimeoutException extends CallException {

	public CallTimeoutException(ProcessRef server, Object request, Duration timeout) {
		super("No reply within " + format(timeout), server, request, timeout, null);
	}

}
