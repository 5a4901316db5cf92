package dev.otpspring.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.otpspring.spring.DynamicSupervisorDefinition;
import dev.otpspring.spring.SupervisorDefinition;
import dev.otpspring.supervisor.RestartType;
import dev.otpspring.supervisor.Strategy;

/**
 * Builds the definition beans of supervisors declared under {@code otp.supervisors.<name>}. Static
 * factory methods with plain arguments, so that Spring AOT can write their bean definitions as
 * code (an instance supplier lambda, which it cannot).
 */
final class SupervisorsFromProperties {

	private SupervisorsFromProperties() {
	}

	/** A static supervisor; {@code parent} is empty for none. */
	static SupervisorDefinition supervisor(Strategy strategy, String parent, int maxRestarts, int maxSeconds,
			RestartType restart, int order, boolean critical) {
		return SupervisorDefinition.of(strategy)
			.parent(orNull(parent))
			.intensity(maxRestarts, maxSeconds)
			.restart(restart)
			.order(order)
			.critical(critical);
	}

	/** A dynamic supervisor; {@code parent} is empty for none. */
	static DynamicSupervisorDefinition dynamicSupervisor(String parent, int maxRestarts, int maxSeconds,
			RestartType restart, int order, boolean critical, int maxChildren) {
		return DynamicSupervisorDefinition.create()
			.parent(orNull(parent))
			.intensity(maxRestarts, maxSeconds)
			.restart(restart)
			.order(order)
			.critical(critical)
			.maxChildren(maxChildren);
	}

	private static @Nullable String orNull(String parent) {
		return parent.isEmpty() ? null : parent;
	}

}
