package dev.otpspring.process;

/**
 * An operation that acts on "the calling process" ({@link Self}, {@code spawnLink},
 * {@code GenServer.startLink}) was called from a thread that is not running a process.
 */
public class NotInProcessException extends OtpException {

	public NotInProcessException(String operation) {
		super(operation + " must be called from inside a process (a GenServer callback, an Agent "
				+ "function or a spawned handler), but the current thread " + Thread.currentThread()
				+ " is not running one");
	}

}
