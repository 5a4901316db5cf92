package dev.otpspring.genserver;

import java.time.Duration;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessRef;

/**
 * The server exited before replying — it crashed, stopped or was killed — and the caller learns
 * it at once, not at its timeout (R11.2). For a crash, {@link #getCause()} is the server's
 * exception.
 */
public class ProcessExitException extends CallException {

	private final transient Pid pid;

	private final transient ExitReason reason;

	public ProcessExitException(ProcessRef server, Pid pid, Object request, Duration timeout, ExitReason reason) {
		super("Server " + pid + " exited with reason " + reason + " before replying", server, request, timeout,
				(reason instanceof ExitReason.Crash crash) ? crash.cause() : null);
		this.pid = pid;
		this.reason = reason;
	}

	/** The exit reason. */
	public ExitReason reason() {
		return this.reason;
	}

	/** The process that exited. */
	public Pid pid() {
		return this.pid;
	}

}
