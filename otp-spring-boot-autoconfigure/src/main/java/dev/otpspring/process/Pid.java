package dev.otpspring.process;

import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The identity of one process: opaque, unique within the JVM and never reused.
 * <p>
 * A restarted service gets a <em>new</em> {@code Pid} (SEMANTICS §5), so a {@code Pid} always
 * names exactly one incarnation. To reach "whoever currently runs the counter", register a name
 * and address it through {@link OtpRuntime#named(Object)}.
 *
 * <pre>{@code
 * Pid pid = runtime.spawn(() -> message -> System.out.println(message));
 * runtime.send(pid, "hello");
 * }</pre>
 */
public final class Pid implements ProcessRef, Comparable<Pid> {

	private static final AtomicLong SEQUENCE = new AtomicLong();

	private final long id;

	/** Resolving a Pid is a field read, not a table lookup: the hot path of every send. */
	final ProcessCell cell;

	Pid(ProcessCell cell) {
		this.id = SEQUENCE.incrementAndGet();
		this.cell = cell;
	}

	/** The number that makes this Pid unique, for logs and metrics; never reused. */
	public long id() {
		return this.id;
	}

	@Override
	public OtpRuntime runtime() {
		return this.cell.runtime;
	}

	@Override
	public @Nullable Pid whereis() {
		return this.cell.isAlive() ? this : null;
	}

	@Override
	public int compareTo(Pid other) {
		return Long.compare(this.id, other.id);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Pid pid && pid.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	/** Erlang's notation, so logs read the way OTP users expect: {@code <0.42.0>}. */
	@Override
	public String toString() {
		return "<0." + this.id + ".0>";
	}

}
