package dev.otpspring.genserver;

import java.time.Duration;

import dev.otpspring.process.ProcessRef;

/**
 * The calling thread was interrupted while waiting for a reply — for instance because the calling
 * process was killed. The thread's interrupt status is kept; a late reply is dropped.
 */
public class CallInterruptedException extends CallException {

	public CallInterruptedException(ProcessRef server, Object request, Duration timeout) {
		super("Interrupted while waiting for the reply", server, request, timeout, null);
	}

}
