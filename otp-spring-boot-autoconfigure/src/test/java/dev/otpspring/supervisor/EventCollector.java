package dev.otpspring.supervisor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.otpspring.process.OtpRuntime;

/** Subscribes to a runtime's {@link SupervisorEvents} and keeps every event, in order. */
final class EventCollector implements AutoCloseable {

	private final List<SupervisorEvent> events = new CopyOnWriteArrayList<>();

	private final AutoCloseable subscription;

	EventCollector(OtpRuntime runtime) {
		this.subscription = SupervisorEvents.of(runtime).subscribe(this.events::add);
	}

	/** All events so far, in order. */
	List<SupervisorEvent> all() {
		return List.copyOf(this.events);
	}

	/** The events of one type so far, in order. */
	<T extends SupervisorEvent> List<T> all(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/** Waits for the first event of {@code type} that matches. */
	<T extends SupervisorEvent> T await(Class<T> type, Predicate<T> match) {
		return SupervisionKit.eventually()
			.until(() -> all(type).stream().filter(match).findFirst(), (found) -> found.isPresent())
			.orElseThrow();
	}

	@Override
	public void close() throws Exception {
		this.subscription.close();
	}

}
