package dev.otpspring.process;

import java.util.Objects;

/**
 * Why a process exited: the value links, monitors and supervisors act on.
 * <p>
 * The variants mirror Erlang's reasons: {@code normal}, {@code shutdown},
 * {@code {shutdown, term}}, {@code killed}, {@code kill}, {@code noproc}, an exception, or any
 * other term. Two rules decide what happens next:
 * <ul>
 * <li>For supervisors, {@link #isNormalLike()} — {@code normal}, {@code shutdown} and
 * {@code {shutdown, term}} are normal-like, everything else is abnormal (R1.1).</li>
 * <li>For links, only {@code normal} is special: every other reason kills a linked process
 * that does not trap exits (R1.3).</li>
 * </ul>
 */
public sealed interface ExitReason {

	/** The process finished its work. */
	Normal NORMAL = new Normal();

	/** The process was asked to stop, typically by its supervisor. */
	Shutdown SHUTDOWN = new Shutdown();

	/** The process was killed with the untrappable {@link #KILL} signal. */
	Killed KILLED = new Killed();

	/**
	 * The untrappable signal sent by {@code exit(pid, KILL)}; the victim exits {@link #KILLED}.
	 * A process that exits with {@code kill} itself sends a trappable {@code kill} to its links
	 * (R1.4).
	 */
	Kill KILL = new Kill();

	/** The process did not exist (monitoring or linking a dead process, R13.4). */
	NoProc NOPROC = new NoProc();

	/** {@code {shutdown, term}}: a normal-like stop that carries a detail. */
	static ShutdownWith shutdown(Object term) {
		return new ShutdownWith(term);
	}

	/** The process crashed with this exception. */
	static Crash crash(Throwable cause) {
		return new Crash(cause);
	}

	/**
	 * The reason for a term, for example {@code of("timeout")}. The names of Erlang's special
	 * atoms map to their constants — {@code of("normal")} is {@link #NORMAL} — so a reason read from
	 * configuration or a message behaves as it says.
	 */
	static ExitReason of(Object term) {
		if (term instanceof String atom) {
			switch (atom) {
				case "normal":
					return NORMAL;
				case "shutdown":
					return SHUTDOWN;
				case "killed":
					return KILLED;
				case "kill":
					return KILL;
				case "noproc":
					return NOPROC;
				default:
					break;
			}
		}
		return new Other(term);
	}

	/**
	 * Whether a supervisor treats this reason as a normal exit: true exactly for
	 * {@code normal}, {@code shutdown} and {@code {shutdown, term}} (R1.1).
	 */
	default boolean isNormalLike() {
		return this instanceof Normal || this instanceof Shutdown || this instanceof ShutdownWith;
	}

	/** {@code normal}. */
	record Normal() implements ExitReason {
		@Override
		public String toString() {
			return "normal";
		}
	}

	/** {@code shutdown}. */
	record Shutdown() implements ExitReason {
		@Override
		public String toString() {
			return "shutdown";
		}
	}

	/**
	 * {@code {shutdown, term}}.
	 * @param term the detail
	 */
	record ShutdownWith(Object term) implements ExitReason {
		public ShutdownWith {
			Objects.requireNonNull(term, "term must not be null");
		}

		@Override
		public String toString() {
			return "{shutdown, " + this.term + "}";
		}
	}

	/** {@code killed}. */
	record Killed() implements ExitReason {
		@Override
		public String toString() {
			return "killed";
		}
	}

	/** {@code kill}. */
	record Kill() implements ExitReason {
		@Override
		public String toString() {
			return "kill";
		}
	}

	/** {@code noproc}. */
	record NoProc() implements ExitReason {
		@Override
		public String toString() {
			return "noproc";
		}
	}

	/**
	 * A crash: the exception that ended the process.
	 * @param cause the exception, with its stack trace
	 */
	record Crash(Throwable cause) implements ExitReason {
		public Crash {
			Objects.requireNonNull(cause, "cause must not be null");
		}

		@Override
		public String toString() {
			return "{" + this.cause.getClass().getName()
					+ ((this.cause.getMessage() != null) ? ", " + this.cause.getMessage() : "") + "}";
		}
	}

	/**
	 * Any other reason.
	 * @param term the reason
	 */
	record Other(Object term) implements ExitReason {
		public Other {
			Objects.requireNonNull(term, "term must not be null");
		}

		@Override
		public String toString() {
			return String.valueOf(this.term);
		}
	}

}
