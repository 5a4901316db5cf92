package dev.otpspring.genserver;

import dev.otpspring.process.Pid;

/**
 * The reason a start fails when its name is taken: Erlang's {@code {already_started, Pid}} (R15.2).
 *
 * @param pid the live process holding the name
 */
public record AlreadyStarted(Pid pid) {

	@Override
	public String toString() {
		return "{already_started, " + this.pid + "}";
	}

}
