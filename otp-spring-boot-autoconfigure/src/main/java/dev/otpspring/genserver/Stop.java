package dev.otpspring.genserver;

import java.util.Objects;

import dev.otpspring.process.ExitReason;

/**
 * Stop the server with {@code reason}: {@code {stop, Reason, State}}. {@code terminate} runs with
 * {@code state}; a caller waiting on this call gets a {@link ProcessExitException} carrying the
 * reason, even for {@code normal} (R11.5).
 *
 * @param reason the exit reason
 * @param state the state handed to {@code terminate}
 * @param <S> the type of the server's state
 */
public record Stop<S>(ExitReason reason, S state) implements CallResult<S>, Result<S> {

	public Stop {
		Objects.requireNonNull(reason, "reason must not be null");
	}

}
