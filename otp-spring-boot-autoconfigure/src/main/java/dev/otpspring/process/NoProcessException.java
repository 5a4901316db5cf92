package dev.otpspring.process;

/**
 * The addressed process does not exist: its Pid has exited, or no process is registered under
 * the name. The Java form of Erlang's {@code noproc} (R11.1).
 */
public class NoProcessException extends OtpException {

	private final transient ProcessRef process;

	/**
	 * @param process the reference that did not resolve
	 * @param operation what was attempted, for the message, e.g. {@code "call Get (timeout 5000 ms)"}
	 */
	public NoProcessException(ProcessRef process, String operation) {
		super("No process " + describe(process) + ": cannot " + operation);
		this.process = process;
	}

	/** The reference that did not resolve. */
	public ProcessRef process() {
		return this.process;
	}

	static String describe(ProcessRef process) {
		return switch (process) {
			case Pid pid -> pid + " (it has exited)";
			case RegisteredName named -> "registered as '" + named.name() + "'";
		};
	}

}
