package dev.otpspring.genserver;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.otpspring.process.OtpException;
import dev.otpspring.process.ProcessRef;

/**
 * A {@link GenServer#call} that produced no reply. Subtypes say why; each message names the
 * server, the request type and the timeout.
 */
public abstract class CallException extends OtpException {

	private final transient ProcessRef server;

	private final transient Object request;

	private final Duration timeout;

	protected CallException(String problem, ProcessRef server, Object request, Duration timeout,
			@Nullable Throwable cause) {
		super(problem + " (call " + describe(request) + " to " + server + ", timeout " + format(timeout) + ")", cause);
		this.server = server;
		this.request = request;
		this.timeout = timeout;
	}

	/** The server that was called, as the caller addressed it. */
	public ProcessRef server() {
		return this.server;
	}

	/** The request that went unanswered. */
	public Object request() {
		return this.request;
	}

	/** The call's timeout. */
	public Duration timeout() {
		return this.timeout;
	}

	static String describe(Object request) {
		return request.getClass().getName();
	}

	static String format(Duration timeout) {
		return (timeout.compareTo(GenServer.DEFAULT_TIMEOUT.multipliedBy(1_000_000)) > 0) ? "infinity"
				: timeout.toMillis() + " ms";
	}

}
