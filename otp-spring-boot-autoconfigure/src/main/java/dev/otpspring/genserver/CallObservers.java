package dev.otpspring.genserver;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import dev.otpspring.process.OtpRuntime;

/** The {@link CallObserver}s of one runtime; copy-on-write, since calls far outnumber registrations. */
final class CallObservers {

	private final AtomicReference<CallObserver[]> observers = new AtomicReference<>(new CallObserver[0]);

	static CallObservers of(OtpRuntime runtime) {
		return runtime.extension(CallObservers.class, (owner) -> new CallObservers());
	}

	CallObserver[] current() {
		return this.observers.get();
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
