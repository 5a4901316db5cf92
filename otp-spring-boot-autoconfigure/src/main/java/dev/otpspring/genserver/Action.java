package dev.otpspring.genserver;

import java.time.Duration;
import java.util.Objects;

/**
 * What a server does after a callback, besides keeping its new state: nothing, arm an
 * inactivity timeout, hibernate, or continue with {@code handleContinue} before the next
 * message. The fourth element of Erlang's result tuples.
 */
public sealed interface Action {

	/** Nothing more. */
	None NONE = new None();

	/** Hibernation: accepted for OTP fidelity; an idle process here already holds no thread. */
	Hibernate HIBERNATE = new Hibernate();

	/**
	 * If no message arrives within {@code timeout}, {@code handleInfo} receives
	 * {@link IdleTimeout}; any message cancels it (R11.9). The timer is armed once the callback has
	 * returned — after the reply or the start acknowledgement, as in OTP — so a test on a
	 * {@link dev.otpspring.process.ManualScheduler} waits for it (its {@code pendingTimers()}) before
	 * moving time.
	 */
	static Timeout timeout(Duration timeout) {
		return new Timeout(timeout);
	}

	/** Calls {@code handleContinue(argument, state)} before the next message (R10.3). */
	static Continue continueWith(Object argument) {
		return new Continue(argument);
	}

	/** No action. */
	record None() implements Action {
	}

	/** See {@link Action#HIBERNATE}. */
	record Hibernate() implements Action {
	}

	/**
	 * See {@link Action#timeout}.
	 * @param timeout the inactivity timeout
	 */
	record Timeout(Duration timeout) implements Action {
		public Timeout {
			Objects.requireNonNull(timeout, "timeout must not be null");
			if (timeout.isNegative()) {
				throw new IllegalArgumentException("timeout must not be negative: " + timeout);
			}
		}
	}

	/**
	 * See {@link Action#continueWith}.
	 * @param argument passed to {@code handleContinue}
	 */
	record Continue(Object argument) implements Action {
		public Continue {
			Objects.requireNonNull(argument, "argument must not be null");
		}
	}

}
