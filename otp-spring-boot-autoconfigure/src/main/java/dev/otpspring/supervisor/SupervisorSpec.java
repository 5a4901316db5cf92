package dev.otpspring.supervisor;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A static supervisor: its strategy, its restart intensity and its children in start order.
 *
 * <pre>{@code
 * SupervisorSpec spec = SupervisorSpec.of(Strategy.REST_FOR_ONE, List.of(
 *         ChildSpec.worker("ledger", () -> GenServer.startLink(new Ledger())),
 *         ChildSpec.worker("gateway", () -> GenServer.startLink(new Gateway()))))
 *     .named("payments")
 *     .withIntensity(3, 5);
 * Supervisor.start(runtime, spec);
 * }</pre>
 *
 * @param name register the supervisor under this name, or {@code null}
 * @param strategy which children a restart takes along (R4.x)
 * @param maxRestarts restarts allowed within {@code maxSeconds}; one more and the supervisor
 * gives up (R3.1). Zero or more; default 3 (Elixir)
 * @param maxSeconds the window, in whole seconds as OTP counts them (R3.2). One or more; default 5
 * @param children the children, in start order; ids must be unique
 */
public record SupervisorSpec(@Nullable Object name, Strategy strategy, int maxRestarts, int maxSeconds,
		List<ChildSpec> children) {

	/** Elixir's default: 3 restarts … */
	public static final int DEFAULT_MAX_RESTARTS = 3;

	/** … within 5 seconds. */
	public static final int DEFAULT_MAX_SECONDS = 5;

	public SupervisorSpec {
		String who = (name != null) ? "Supervisor '" + name + "'" : "A supervisor";
		if (strategy == null) {
			throw new InvalidChildSpecException(who + ": strategy must be given (one_for_one, one_for_all or rest_for_one)");
		}
		validateIntensity(who, maxRestarts, maxSeconds);
		Objects.requireNonNull(children, () -> who + ": children must not be null (use an empty list)");
		for (int i = 0; i < children.size(); i++) {
			if (children.get(i) == null) {
				throw new InvalidChildSpecException(who + ": child number " + (i + 1) + " is null");
			}
		}
		children = List.copyOf(children);
		Set<Object> ids = new HashSet<>();
		for (ChildSpec child : children) {
			if (!ids.add(child.id())) {
				throw new InvalidChildSpecException(who + ": duplicate child id '" + child.id() + "' (R6.1)");
			}
		}
	}

	/** A supervisor with the default intensity (3 restarts in 5 seconds). */
	public static SupervisorSpec of(Strategy strategy, List<ChildSpec> children) {
		return new SupervisorSpec(null, strategy, DEFAULT_MAX_RESTARTS, DEFAULT_MAX_SECONDS, children);
	}

	/** This spec, registered under {@code name}. */
	public SupervisorSpec named(Object name) {
		return new SupervisorSpec(name, this.strategy, this.maxRestarts, this.maxSeconds, this.children);
	}

	/** This spec with another restart intensity. */
	public SupervisorSpec withIntensity(int maxRestarts, int maxSeconds) {
		return new SupervisorSpec(this.name, this.strategy, maxRestarts, maxSeconds, this.children);
	}

	static void validateIntensity(String who, int maxRestarts, int maxSeconds) {
		if (maxRestarts < 0) {
			throw new InvalidChildSpecException(who + ": maxRestarts must be zero or more, but was " + maxRestarts + " (R3.6)");
		}
		if (maxSeconds < 1) {
			throw new InvalidChildSpecException(who + ": maxSeconds must be one or more, but was " + maxSeconds + " (R3.6)");
		}
	}

}
