package dev.otpspring.genserver;

import java.util.Objects;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;

/**
 * The outcome of starting a process: {@link Ok} with its Pid, {@link Ignore}, or {@link Error}
 * with the reason. Start failures are values, as in OTP, so a supervisor can act on them; a
 * caller that just wants the Pid uses {@link #pid()}.
 */
public sealed interface StartResult {

	/**
	 * The Pid of the started process.
	 * @throws StartFailedException if the start was ignored or failed
	 */
	Pid pid();

	/**
	 * Started.
	 * @param pid the new process
	 */
	record Ok(Pid pid) implements StartResult {
		public Ok {
			Objects.requireNonNull(pid, "pid must not be null");
		}
	}

	/** {@code init} returned {@link Init#ignore()}; nothing runs. */
	record Ignore() implements StartResult {
		@Override
		public Pid pid() {
			throw new StartFailedException("the start was ignored (init returned ignore)", null);
		}
	}

	/**
	 * The start failed.
	 * @param reason why; {@code {already_started, pid}} is {@link AlreadyStarted} in {@link ExitReason.Other}
	 */
	record Error(ExitReason reason) implements StartResult {
		public Error {
			Objects.requireNonNull(reason, "reason must not be null");
		}

		@Override
		public Pid pid() {
			throw new StartFailedException("the start failed: " + this.reason,
					(this.reason instanceof ExitReason.Crash crash) ? crash.cause() : null);
		}
	}

}
