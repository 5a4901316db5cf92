package dev.otpspring.agent;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.otpspring.genserver.CallResult;
import dev.otpspring.genserver.From;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.Init;
import dev.otpspring.genserver.NoReply;
import dev.otpspring.genserver.Reply;
import dev.otpspring.genserver.Result;

/**
 * The GenServer behind an {@link Agent}: its state is the agent's value, and every function sent
 * to it runs inside its process (R14.x).
 *
 * @param <T> the type of the state
 */
final class AgentServer<T> implements GenServerBehaviour<T> {

	private final Supplier<? extends T> initialState;

	AgentServer(Supplier<? extends T> initialState) {
		this.initialState = initialState;
	}

	@Override
	public Init<T> init() {
		return Init.ok(this.initialState.get());
	}

	@Override
	@SuppressWarnings("unchecked")
	public CallResult<T> handleCall(Object request, From from, T state) {
		return switch (request) {
			case Get<?, ?> get -> new Reply<>(((Function<T, ?>) get.function()).apply(state), state);
			case Update<?> update -> new Reply<>(null, ((UnaryOperator<T>) update.function()).apply(state));
			case GetAndUpdateRequest<?, ?> getAndUpdate -> {
				GetAndUpdate<?, T> result = ((Function<T, GetAndUpdate<?, T>>) (Function<?, ?>) getAndUpdate.function())
					.apply(state);
				if (result == null) {
					throw new IllegalStateException("The getAndUpdate function returned null instead of a GetAndUpdate");
				}
				yield new Reply<>(result.reply(), result.newState());
			}
			default -> throw new IllegalArgumentException("Not an agent request: " + request.getClass().getName());
		};
	}

	@Override
	@SuppressWarnings("unchecked")
	public Result<T> handleCast(Object request, T state) {
		if (request instanceof Update<?> update) {
			return new NoReply<>(((UnaryOperator<T>) update.function()).apply(state));
		}
		throw new IllegalArgumentException("Not an agent request: " + request.getClass().getName());
	}

	record Get<T, R>(Function<? super T, ? extends R> function) {
	}

	record Update<T>(UnaryOperator<T> function) {
	}

	record GetAndUpdateRequest<T, R>(Function<? super T, GetAndUpdate<R, T>> function) {
	}

}
