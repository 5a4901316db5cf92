package dev.otpspring.genserver;

import java.util.Objects;

/**
 * Keep {@code state} and carry on: {@code {noreply, State}}. Returned from {@code handleCall}, it
 * leaves the caller waiting until someone calls {@link From#reply} (R11.5).
 *
 * @param state the new state
 * @param action what to do next
 * @param <S> the type of the server's state
 */
public record NoReply<S>(S state, Action action) implements CallResult<S>, Result<S> {

	public NoReply {
		Objects.requireNonNull(action, "action must not be null");
	}

	/** Keep the state, with no further action. */
	public NoReply(S state) {
		this(state, Action.NONE);
	}

}
