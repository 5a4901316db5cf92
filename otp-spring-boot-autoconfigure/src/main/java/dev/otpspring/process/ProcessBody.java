package dev.otpspring.process;

/**
 * What a spawned process runs: set-up code that executes inside the new process, returning the
 * handler for its messages.
 *
 * <pre>{@code
 * Pid echo = runtime.spawn(() -> {
 *     Self.trapExits(true);                    // runs inside the new process
 *     return message -> System.out.println(message);
 * });
 * }</pre>
 */
@FunctionalInterface
public interface ProcessBody {

	/**
	 * Runs once, inside the new process, before its first message.
	 * @return the handler for every message; never {@code null}
	 * @throws Exception to crash the process at start
	 */
	MessageHandler start() throws Exception;

}
