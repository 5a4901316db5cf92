package dev.otpspring.spring;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.supervisor.SupervisorEvent;
import dev.otpspring.supervisor.SupervisorEventListener;
import dev.otpspring.supervisor.SupervisorEvents;

/**
 * The most recent supervisor events — restarts with their reasons, start failures, give-ups — in
 * a bounded ring buffer: what {@code /actuator/otp} shows under {@code recentEvents}. Children that
 * simply finished (a normal exit that is not restarted) are left out. Thread-safe.
 */
public class SupervisorEventLog implements SupervisorEventListener, AutoCloseable {

	private final int capacity;

	private final ArrayDeque<SupervisorEvent> events;

	private final ReentrantLock lock = new ReentrantLock();

	private final AutoCloseable subscription;

	/**
	 * @param runtime whose supervisors to listen to
	 * @param capacity how many events to keep; older ones are dropped
	 */
	public SupervisorEventLog(OtpRuntime runtime, int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be positive, but was " + capacity);
		}
		this.capacity = capacity;
		this.events = new ArrayDeque<>(capacity);
		this.subscription = SupervisorEvents.of(runtime).subscribe(this);
	}

	@Override
	public void onEvent(SupervisorEvent event) {
		if (event instanceof SupervisorEvent.ChildExited exited && exited.reason().isNormalLike()
				&& exited.decision() != SupervisorEvent.Decision.RESTART) {
			return; // a worker that finished its job: not news, and it would push restarts out of the log
		}
		this.lock.lock();
		try {
			if (this.events.size() == this.capacity) {
				this.events.removeFirst();
			}
			this.events.addLast(event);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The kept events, newest first. */
	public List<SupervisorEvent> recent() {
		this.lock.lock();
		try {
			return List.copyOf(this.events.reversed());
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void close() throws Exception {
		this.subscription.close();
	}

}
