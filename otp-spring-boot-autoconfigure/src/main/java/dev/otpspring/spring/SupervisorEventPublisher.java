package dev.otpspring.spring;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.MailboxLimits;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.SpawnOptions;
import dev.otpspring.supervisor.SupervisorEvent;
import dev.otpspring.supervisor.SupervisorEvents;

/**
 * Publishes every {@link SupervisorEvent} — a child exited, was restarted, failed to start, a
 * supervisor gave up — as a Spring application event, so a bean can listen the Spring way:
 * <pre>{@code
 * @EventListener
 * void onRestart(SupervisorEvent.ChildRestarted restarted) {
 *     alerts.notify(restarted.childId() + " restarted as " + restarted.newPid());
 * }
 * }</pre>
 * Listeners run in a process of their own, one event at a time in the order the supervisors
 * reported them, never on a supervisor's thread: a slow listener delays other listeners, never a
 * restart. Its mailbox is bounded; past {@value #CAPACITY} events waiting, new ones are dropped
 * (and counted as dead letters).
 */
public class SupervisorEventPublisher implements SmartInitializingSingleton, AutoCloseable {

	/** How many events may wait for slow listeners. */
	public static final int CAPACITY = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(SupervisorEventPublisher.class);

	private final OtpRuntime runtime;

	private final ApplicationEventPublisher publisher;

	private volatile @Nullable Pid forwarder;

	private volatile @Nullable AutoCloseable subscription;

	public SupervisorEventPublisher(OtpRuntime runtime, ApplicationEventPublisher publisher) {
		this.runtime = runtime;
		this.publisher = publisher;
	}

	/** Subscribes once the context has its beans, before the supervision tree starts. */
	@Override
	public void afterSingletonsInstantiated() {
		Pid pid = this.runtime.spawn(() -> this::publish,
				new SpawnOptions(false, null, MailboxLimits.bounded(CAPACITY, MailboxLimits.Overflow.DROP)));
		this.forwarder = pid;
		this.subscription = SupervisorEvents.of(this.runtime).subscribe((event) -> this.runtime.send(pid, event));
	}

	private void publish(Object event) {
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			// A listener's failure is its own: the next event must still reach the others.
			logger.warn("A listener failed on {}", event, ex);
		}
	}

	@Override
	public void close() throws Exception {
		AutoCloseable subscribed = this.subscription;
		if (subscribed != null) {
			subscribed.close();
		}
		Pid pid = this.forwarder;
		if (pid != null) {
			this.runtime.exit(pid, ExitReason.KILL);
		}
	}

}
