package dev.otpspring.supervisor;

import org.jspecify.annotations.Nullable;

import dev.otpspring.process.Pid;

/**
 * Which supervisor an event comes from.
 *
 * @param name its registered name, or {@code null}
 * @param pid its process
 */
public record SupervisorRef(@Nullable Object name, Pid pid) {

	@Override
	public String toString() {
		return (this.name != null) ? this.name + " " + this.pid : String.valueOf(this.pid);
	}

}
