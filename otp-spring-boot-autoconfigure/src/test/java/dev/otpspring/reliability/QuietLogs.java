package dev.otpspring.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the library's loggers off while a test crashes processes by the thousand — one crash
 * report each would flood the build log — and restores the previous level on close.
 */
final class QuietLogs implements AutoCloseable {

	private final Logger logger = (Logger) LoggerFactory.getLogger("dev.otpspring");

	private final Level previous;

	private QuietLogs() {
		this.previous = this.logger.getLevel();
		this.logger.setLevel(Level.OFF);
	}

	/** Silences every {@code dev.otpspring} logger until {@link #close()}. */
	static QuietLogs silence() {
		return new QuietLogs();
	}

	@Override
	public void close() {
		this.logger.setLevel(this.previous);
	}

}
