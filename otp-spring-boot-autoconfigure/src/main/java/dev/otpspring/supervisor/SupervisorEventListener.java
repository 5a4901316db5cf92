package dev.otpspring.supervisor;

/**
 * Receives {@link SupervisorEvent}s. Called on the supervisor's own thread, so it must be quick
 * and must not block or call the supervisor; an exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface SupervisorEventListener {

	void onEvent(SupervisorEvent event);

}
