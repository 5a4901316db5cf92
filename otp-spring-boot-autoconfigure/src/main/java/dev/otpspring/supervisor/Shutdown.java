package dev.otpspring.supervisor;

import java.time.Duration;
import java.util.Objects;

/**
 * How a supervisor stops a child (R7.2): send {@code shutdown} and wait up to a timeout before
 * killing it, kill it at once, or wait as long as it takes.
 */
public sealed interface Shutdown {

	/** Kill at once with the untrappable {@code kill}; {@code terminate} does not run. */
	BrutalKill BRUTAL_KILL = new BrutalKill();

	/** Send {@code shutdown} and wait for the child to exit, however long. The default for supervisors. */
	Infinity INFINITY = new Infinity();

	/** The default for workers: 5 seconds. */
	Timeout DEFAULT_WORKER = new Timeout(Duration.ofSeconds(5));

	/** Send {@code shutdown}, wait up to {@code timeout}, then kill. */
	static Timeout timeout(Duration timeout) {
		return new Timeout(timeout);
	}

	/** See {@link Shutdown#BRUTAL_KILL}. */
	record BrutalKill() implements Shutdown {
		@Override
		public String toString() {
			return "brutal_kill";
		}
	}

	/** See {@link Shutdown#INFINITY}. */
	record Infinity() implements Shutdown {
		@Override
		public String toString() {
			return "infinity";
		}
	}

	/**
	 * See {@link Shutdown#timeout}.
	 * @param timeout how long the child may take to stop; zero or more
	 */
	record Timeout(Duration timeout) implements Shutdown {
		public Timeout {
			Objects.requireNonNull(timeout, "timeout must not be null");
			if (timeout.isNegative()) {
				throw new IllegalArgumentException("shutdown timeout must be zero or more, but was " + timeout);
			}
		}

		@Override
		public String toString() {
			return this.timeout.toMillis() + " ms";
		}
	}

}
