package dev.otpspring.genserver;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Answer the call with {@code reply} and keep {@code state}: {@code {reply, Reply, State}}.
 *
 * @param reply the answer; may be {@code null}
 * @param state the new state
 * @param action what to do next
 * @param <S> the type of the server's state
 */
public record Reply<S>(@Nullable Object reply, S state, Action action) implements CallResult<S> {

	public Reply {
		Objects.requireNonNull(action, "action must not be null");
	}

	/** Answer and keep the state, with no further action. */
	public Reply(@Nullable Object reply, S state) {
		this(reply, state, Action.NONE);
	}

}
