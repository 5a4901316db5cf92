package dev.otpspring.supervisor;

import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.otpspring.process.OtpRuntime;

/**
 * The event stream of every supervisor in one runtime.
 *
 * <pre>{@code
 * SupervisorEvents.of(runtime).subscribe(event -> {
 *     if (event instanceof SupervisorEvent.ChildRestarted restarted) { restarts.increment(); }
 * });
 * }</pre>
 *
 * Thread-safe; listeners are called in subscription order.
 */
public final class SupervisorEvents {

	private static final Logger logger = LoggerFactory.getLogger(SupervisorEvents.class);

	private final CopyOnWriteArrayList<SupervisorEventListener> listeners = new CopyOnWriteArrayList<>();

	private SupervisorEvents() {
	}

	/** The event stream of {@code runtime}. */
	public static SupervisorEvents of(OtpRuntime runtime) {
		return runtime.extension(SupervisorEvents.class, (owner) -> new SupervisorEvents());
	}

	/**
	 * Adds a listener.
	 * @return call {@link AutoCloseable#close()} on it to unsubscribe
	 */
	public AutoCloseable subscribe(SupervisorEventListener listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	void publish(SupervisorEvent event) {
		for (SupervisorEventListener listener : this.listeners) {
			try {
				listener.onEvent(event);
			}
			catch (RuntimeException ex) {
				logger.warn("Supervisor event listener {} failed on {}", listener, event, ex);
			}
		}
	}

}
