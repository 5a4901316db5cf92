package dev.otpspring.genserver;

import java.util.Objects;

import dev.otpspring.process.ExitReason;

/**
 * The result of {@link GenServerBehaviour#init()} (R10.1): start with a state, ignore the start,
 * stop with a reason, or fail with an error.
 *
 * @param <S> the type of the server's state
 */
public sealed interface Init<S> {

	/** Start with {@code state}. */
	static <S> Init<S> ok(S state) {
		return new Ok<>(state, Action.NONE);
	}

	/** Start with {@code state}, then apply {@code action} (a timeout, or a continue). */
	static <S> Init<S> ok(S state, Action action) {
		return new Ok<>(state, action);
	}

	/** Do not start: the starter gets {@link StartResult.Ignore}; the process exits normally. */
	static <S> Init<S> ignore() {
		return new Ignore<>();
	}

	/**
	 * Do not start: the process exits with {@code reason} (links and monitors see it), and the
	 * starter gets {@link StartResult.Error} with the same reason.
	 */
	static <S> Init<S> stop(ExitReason reason) {
		return new Stop<>(reason);
	}

	/**
	 * Do not start, with an error for the starter: the process exits normally, as with OTP 26's
	 * {@code {error, Reason}}, so linked processes are not disturbed.
	 */
	static <S> Init<S> error(Object reason) {
		return new Error<>(reason);
	}

	/**
	 * @param state the initial state
	 * @param action what to do next
	 */
	record Ok<S>(S state, Action action) implements Init<S> {
		public Ok {
			Objects.requireNonNull(action, "action must not be null");
		}
	}

	/** See {@link Init#ignore()}. */
	record Ignore<S>() implements Init<S> {
	}

	/**
	 * @param reason the exit reason
	 */
	record Stop<S>(ExitReason reason) implements Init<S> {
		public Stop {
			Objects.requireNonNull(reason, "reason must not be null");
		}
	}

	/**
	 * @param reason the error for the starter
	 */
	record Error<S>(Object reason) implements Init<S> {
		public Error {
			Objects.requireNonNull(reason, "reason must not be null");
		}
	}

}
