package dev.otpspring.genserver;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
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

	/**
	 * How many runtimes in this JVM are instrumented: while none is, a cast skips looking up its
	 * runtime's hooks, which would cost it a fifth of its time.
	 */
	private static final AtomicInteger instrumentedRuntimes = new AtomicInteger();

	/** The one {@link MessageInstrumentation}, if any: read on every call and cast, so a plain field. */
	private volatile @Nullable MessageInstrumentation instrumentation;

	/** Whether any runtime in this JVM has a {@link MessageInstrumentation} installed. */
	static boolean anyInstrumented() {
		return instrumentedRuntimes.get() != 0;
	}

	CallObserver[] current() {
		return this.observers.get();
	}

	@Nullable MessageInstrumentation instrumentation() {
		return this.instrumentation;
	}

	AutoCloseable instrument(MessageInstrumentation instrumentation) {
		synchronized (this) {
			if (this.instrumentation != null) {
				throw new IllegalStateException("This runtime's calls are instrumented already by " + this.instrumentation);
			}
			this.instrumentation = instrumentation;
			instrumentedRuntimes.incrementAndGet();
		}
		return () -> {
			synchronized (this) {
				if (this.instrumentation == instrumentation) {
					this.instrumentation = null;
					instrumentedRuntimes.decrementAndGet();
				}
			}
		};
	}

	/** Tells the instrumentation that a sending is over; its failure is logged, never the caller's. */
	static void completed(MessageInstrumentation.@Nullable Sending sending, @Nullable Throwable failure) {
		if (sending == null) {
			return;
		}
		try {
			sending.completed(failure);
		}
		catch (RuntimeException ex) {
			logger.warn("Message instrumentation failed after sending", ex);
		}
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
