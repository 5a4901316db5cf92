package dev.otpspring.genserver;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.otpspring.process.ExitReason;

/**
 * Answer the call and stop: {@code {stop, Reason, Reply, State}}. {@code terminate} runs
 * <em>before</em> the reply is delivered (R11.5).
 *
 * @param reason the exit reason
 * @param reply the answer; may be {@code null}
 * @param state the state handed to {@code terminate}
 * @param <S> the type of the server's state
 */
public record StopAndReply<S>(ExitReason reason, @Nullable Object reply, S state) implements CallResult<S> {

	public StopAndReply {
		Objects.requireNonNull(reason, "reason must not be null");
	}

}
