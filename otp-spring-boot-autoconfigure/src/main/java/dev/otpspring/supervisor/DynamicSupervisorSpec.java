package dev.otpspring.supervisor;

import org.jspecify.annotations.Nullable;

/**
 * A dynamic supervisor: children are started at run time, each restarted on its own
 * (one_for_one only, R9.1), up to {@code maxChildren}.
 *
 * <pre>{@code
 * DynamicSupervisor.start(runtime, DynamicSupervisorSpec.named("infosys").withMaxChildren(1000));
 * }</pre>
 *
 * @param name register the supervisor under this name, or {@code null}
 * @param maxRestarts restarts allowed within {@code maxSeconds} (R3.x, R9.7); default 3
 * @param maxSeconds the window in whole seconds; default 5
 * @param maxChildren the most children at once, restarting ones included (R5.6); default unlimited
 */
public record DynamicSupervisorSpec(@Nullable Object name, int maxRestarts, int maxSeconds, int maxChildren) {

	/** No limit on children. */
	public static final int UNLIMITED = Integer.MAX_VALUE;

	public DynamicSupervisorSpec {
		String who = (name != null) ? "Dynamic supervisor '" + name + "'" : "A dynamic supervisor";
		SupervisorSpec.validateIntensity(who, maxRestarts, maxSeconds);
		if (maxChildren < 1) {
			throw new InvalidChildSpecException(who + ": maxChildren must be one or more, but was " + maxChildren);
		}
	}

	/** An unnamed dynamic supervisor with the defaults. */
	public static DynamicSupervisorSpec defaults() {
		return new DynamicSupervisorSpec(null, SupervisorSpec.DEFAULT_MAX_RESTARTS, SupervisorSpec.DEFAULT_MAX_SECONDS,
				UNLIMITED);
	}

	/** The defaults, registered under {@code name}. */
	public static DynamicSupervisorSpec named(Object name) {
		return defaults().withName(name);
	}

	/** This spec with another name. */
	public DynamicSupervisorSpec withName(Object name) {
		return new DynamicSupervisorSpec(name, this.maxRestarts, this.maxSeconds, this.maxChildren);
	}

	/** This spec with another restart intensity. */
	public DynamicSupervisorSpec withIntensity(int maxRestarts, int maxSeconds) {
		return new DynamicSupervisorSpec(this.name, maxRestarts, maxSeconds, this.maxChildren);
	}

	/** This spec with a limit on children. */
	public DynamicSupervisorSpec withMaxChildren(int maxChildren) {
		return new DynamicSupervisorSpec(this.name, this.maxRestarts, this.maxSeconds, maxChildren);
	}

}
