package dev.otpspring.agent;

import org.jspecify.annotations.Nullable;

/**
 * What the function given to {@link Agent#getAndUpdate} returns: the value for the caller and the
 * agent's new state — Elixir's {@code {reply, new_state}} tuple.
 *
 * @param reply returned to the caller
 * @param newState the agent's state from now on
 * @param <R> the type of the reply
 * @param <T> the type of the state
 */
public record GetAndUpdate<R extends @Nullable Object, T>(R reply, T newState) {
}
