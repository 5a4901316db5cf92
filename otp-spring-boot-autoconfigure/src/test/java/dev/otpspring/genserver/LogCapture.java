package dev.otpspring.genserver;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import dev.otpspring.process.Pid;

/**
 * Captures what the {@code dev.otpspring.genserver.GenServer} logger writes, for assertions on
 * crash reports (R16.1). Close it to detach.
 */
public final class LogCapture implements AutoCloseable {

	private final Logger logger;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private LogCapture(String loggerName) {
		this.logger = (Logger) LoggerFactory.getLogger(loggerName);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	/** Captures the GenServer logger, where crash reports and unexpected-message warnings go. */
	public static LogCapture genServer() {
		return new LogCapture(GenServer.class.getName());
	}

	/** The events so far, at {@code level}, whose message names {@code pid}. */
	public List<ILoggingEvent> eventsAbout(Pid pid, Level level) {
		return events(level).stream().filter((event) -> event.getFormattedMessage().contains(pid.toString())).toList();
	}

	/** The events so far, at {@code level}. */
	public List<ILoggingEvent> events(Level level) {
		List<ILoggingEvent> events;
		synchronized (this.appender) { // AppenderBase appends under this lock
			events = new ArrayList<>(this.appender.list);
		}
		return events.stream().filter((event) -> event.getLevel() == level).toList();
	}

	/** The crash reports so far about {@code pid}. */
	public List<ILoggingEvent> errorsAbout(Pid pid) {
		return eventsAbout(pid, Level.ERROR);
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
		this.appender.stop();
	}

}
