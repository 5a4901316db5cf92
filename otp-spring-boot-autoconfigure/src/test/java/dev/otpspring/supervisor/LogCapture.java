package dev.otpspring.supervisor;

import java.util.List;
import java.util.function.Predicate;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Captures what the supervisors log on the {@code dev.otpspring.supervisor.Supervisor} logger. */
final class LogCapture implements AutoCloseable {

	private final Logger logger = (Logger) LoggerFactory.getLogger(Supervisor.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	LogCapture() {
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	/** The lines logged so far; the appender appends under its own lock, so copy under it. */
	List<ILoggingEvent> lines() {
		synchronized (this.appender) {
			return List.copyOf(this.appender.list);
		}
	}

	/** Waits for a line that matches. */
	ILoggingEvent await(Predicate<ILoggingEvent> match) {
		return SupervisionKit.eventually()
			.until(() -> lines().stream().filter(match).findFirst(), (found) -> found.isPresent())
			.orElseThrow();
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
		this.appender.stop();
	}

}
