package dev.otpspring.supervisor;

import java.util.Locale;

import dev.otpspring.process.ExitReason;

/**
 * Why {@link Supervisor#startChild} could not start a new child: the reason, together with the
 * child it was about — OTP 25's {@code {error, {Reason, Child}}} (R8.1), so that whoever added
 * the child can tell which one failed and how it was specified.
 * <pre>{@code
 * if (supervisor.startChild(spec) instanceof StartResult.Error(ExitReason.Other(ChildStartFailed failed))) {
 *     log.warn("child {} did not start: {}", failed.child().id(), failed.reason());
 * }
 * }</pre>
 * A {@link DynamicSupervisor} answers with the reason alone, as Elixir's does (R9.2).
 *
 * @param reason why the child did not start: what its start returned, or how it crashed
 * @param child the spec of the child that did not start
 */
public record ChildStartFailed(ExitReason reason, ChildSpec child) {

	@Override
	public String toString() {
		return "{" + this.reason + ", {child, " + this.child.id() + ", " + lower(this.child.restart()) + ", "
				+ this.child.shutdown() + ", " + lower(this.child.type()) + "}}";
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
