package dev.otpspring.genserver;

import dev.otpspring.process.Down;
import dev.otpspring.process.Exit;
import dev.otpspring.process.ExitReason;

/**
 * A server process written OTP-style: a state value, and callbacks that each take the current
 * state and return what to do next. Elixir's {@code GenServer} behaviour, in Java.
 * <p>
 * Messages are plain Java values; records and {@code switch} pattern matching are the natural
 * style:
 *
 * <pre>{@code
 * class Counter implements GenServerBehaviour<Integer> {
 *     record Inc() {}
 *     record Get() {}
 *
 *     public Init<Integer> init() { return Init.ok(0); }
 *
 *     public CallResult<Integer> handleCall(Object request, From from, Integer count) {
 *         return switch (request) {
 *             case Get get -> new Reply<>(count, count);
 *             default -> throw new IllegalArgumentException("unexpected call " + request);
 *         };
 *     }
 *
 *     public Result<Integer> handleCast(Object request, Integer count) {
 *         return switch (request) {
 *             case Inc inc -> new NoReply<>(count + 1);
 *             default -> throw new IllegalArgumentException("unexpected cast " + request);
 *         };
 *     }
 * }
 *
 * Pid counter = GenServer.start(runtime, new Counter()).pid();
 * GenServer.cast(counter, new Counter.Inc());
 * int value = (Integer) GenServer.call(counter, new Counter.Get());   // 1
 * }</pre>
 *
 * Every callback runs inside the server's process, one at a time, so the state needs no locks.
 * Throwing from a callback crashes the server: {@link #terminate} runs, the crash is logged, and
 * a caller waiting on a reply gets a {@link ProcessExitException} at once.
 *
 * @param <S> the type of the server's state
 */
public interface GenServerBehaviour<S> {

	/**
	 * Runs inside the new process before {@code start} returns (R10.x); the starter waits for it.
	 * @return {@link Init#ok}, {@link Init#ignore}, {@link Init#stop} or {@link Init#error}
	 * @throws Exception to fail the start; the starter gets the error as a value
	 */
	Init<S> init() throws Exception;

	/**
	 * Handles a {@link GenServer#call}. Return {@link Reply} to answer, {@link NoReply} to answer
	 * later through {@link From#reply}, or {@link Stop} / {@link StopAndReply} to stop.
	 * <p>
	 * The default crashes the server, as an unhandled call does in Elixir (R11.10).
	 * @throws Exception to crash the server
	 */
	default CallResult<S> handleCall(Object request, From from, S state) throws Exception {
		throw new UnsupportedOperationException(getClass().getName() + " does not handle calls; got "
				+ request.getClass().getName());
	}

	/**
	 * Handles a {@link GenServer#cast}. The default crashes the server (R11.10).
	 * @throws Exception to crash the server
	 */
	default Result<S> handleCast(Object request, S state) throws Exception {
		throw new UnsupportedOperationException(getClass().getName() + " does not handle casts; got "
				+ request.getClass().getName());
	}

	/**
	 * Handles any other message: plain sends, timers, {@link Down} from monitors, {@link Exit}
	 * signals when trapping exits, and {@link IdleTimeout}. The default logs the message at warn
	 * level and carries on, as Elixir does (R11.10).
	 * @throws Exception to crash the server
	 */
	default Result<S> handleInfo(Object message, S state) throws Exception {
		GenServer.logUnexpectedInfo(this, message);
		return new NoReply<>(state);
	}

	/**
	 * Runs the work deferred with {@link Action#continueWith}, before the next message (R10.3).
	 * @throws Exception to crash the server
	 */
	default Result<S> handleContinue(Object argument, S state) throws Exception {
		throw new UnsupportedOperationException(getClass().getName() + " returned a continue action but does not "
				+ "implement handleContinue");
	}

	/**
	 * Runs when the server stops: after a {@link Stop} result, a crash, {@link GenServer#stop},
	 * or an exit signal from its parent while trapping exits (R12.1). It does <em>not</em> run
	 * when the server is killed, or ended by an exit signal it does not trap (R12.2).
	 */
	default void terminate(ExitReason reason, S state) throws Exception {
	}

}
