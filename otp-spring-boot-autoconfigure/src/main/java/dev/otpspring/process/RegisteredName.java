package dev.otpspring.process;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A reference by registered name, looked up on every use.
 * <p>
 * Obtain one with {@link OtpRuntime#named(Object)}. Any value with sound {@code equals} and
 * {@code hashCode} can be a name: a {@code String} for singletons, or a {@link Via} key for one
 * process per key.
 *
 * @param runtime the runtime whose registry resolves the name
 * @param name the registered name
 */
public record RegisteredName(OtpRuntime runtime, Object name) implements ProcessRef {

	public RegisteredName {
		Objects.requireNonNull(runtime, "runtime must not be null");
		Objects.requireNonNull(name, "name must not be null");
	}

	@Override
	public @Nullable Pid whereis() {
		return this.runtime.whereis(this.name);
	}

	@Override
	public String toString() {
		return String.valueOf(this.name);
	}

}
