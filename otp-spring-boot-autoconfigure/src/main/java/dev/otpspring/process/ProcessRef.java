package dev.otpspring.process;

import org.jspecify.annotations.Nullable;

/**
 * Something a message can be addressed to: a {@link Pid}, or a {@link RegisteredName} that is
 * resolved again on every use (so it follows a service across restarts).
 */
public sealed interface ProcessRef permits Pid, RegisteredName {

	/** The runtime this reference resolves in. */
	OtpRuntime runtime();

	/**
	 * The live process this reference points at right now, or {@code null} if there is none.
	 * Never returns the Pid of a process that has already exited.
	 */
	@Nullable Pid whereis();

}
