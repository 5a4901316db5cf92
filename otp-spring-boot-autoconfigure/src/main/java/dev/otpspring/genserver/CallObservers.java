package dev.otpspring.genserver;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.ProcessRef;

/** The {@link CallObserver}s of one runtime; copy-on-write, since calls far outnumber registrations. */
final class CallObservers {

	private static final Logger logger = LoggerFactory.getLogger(CallObservers.class);

	private final AtomicReference<CallObserver[]> observers = new AtomicReference<>(new CallObserver[0]);

	static CallObservers of(OtpRuntime runtime) {
		return runtime.extension(CallObservers.class, (owner) -> new CallObservers());
	}

	CallObserver[] current() {
		return this.observers.get();
	}

	/**
	 * Tells each observer of a completed call. Observers are user code (metrics, say): if one
	 * throws, the others are still told, and the caller keeps its reply — a failure is logged.
	 */
	static void completed(CallObserver[] observers, ProcessRef server, Object request, long durationNanos,
			RuntimeException failure) {
		for (CallObserver observer : observers) {
			try {
				observer.callCompleted(server, request, durationNanos, failure);
			}
			catch (RuntimeException ex) {
				logger.warn("Call observer {} failed on a call to {}", observer, server, ex);
			}
		}
	}

	AutoCloseable add(CallObserver observer) {
		this.observers.updateAndGet((current) -> {
			CallObserver[] grown = Arrays.copyOf(current, current.length + 1);
			grown[current.length] = observer;
			return grown;
		});
		return () -> this.observers.updateAndGet((current) -> Arrays.stream(current)
			.filter((candidate) -> candidate != observer)
			.toArray(CallObserver[]::new));
	}

}
