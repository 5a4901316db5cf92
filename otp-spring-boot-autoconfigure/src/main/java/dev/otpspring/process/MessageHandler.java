package dev.otpspring.process;

/**
 * Handles a process's messages, one at a time and in mailbox order.
 * <p>
 * The handler and anything it captures are the process's private state: only the process
 * touches them, so they need no locks. A handler may block (JDBC, HTTP, a nested call); it runs
 * on a virtual thread that exists only while the process has messages. An exception crashes the
 * process with {@link ExitReason.Crash}.
 */
@FunctionalInterface
public interface MessageHandler {

	/**
	 * Handles one message.
	 * @param message the message, never {@code null}
	 * @throws Exception to crash the process
	 */
	void handle(Object message) throws Exception;

	/**
	 * Called once when the process has exited, for any reason. It may run on another thread
	 * (when the process is killed while busy), so it must only release resources, such as
	 * timers, and never touch state the handler is using.
	 * @param reason why the process exited
	 */
	default void exited(ExitReason reason) {
	}

}
