package dev.otpspring.spring;

import java.util.Objects;

import dev.otpspring.supervisor.Strategy;
import dev.otpspring.supervisor.Supervisor;

/**
 * Declares a static supervisor of the tree as a bean, the alternative to
 * {@code otp.supervisors.<name>} properties. The bean name is the supervisor's name, and
 * injecting the bean gives a {@link Supervisor} handle on it.
 *
 * <pre>{@code
 * @Bean
 * SupervisorDefinition payments() {
 *     return SupervisorDefinition.of(Strategy.REST_FOR_ONE).intensity(5, 10);
 * }
 *
 * @Autowired @Qualifier("payments") Supervisor payments;   // which children, restart one, …
 * }</pre>
 */
public final class SupervisorDefinition extends AbstractSupervisorDefinition<Supervisor, SupervisorDefinition> {

	private final Strategy strategy;

	private SupervisorDefinition(Strategy strategy) {
		this.strategy = Objects.requireNonNull(strategy, "strategy must not be null");
	}

	/** A supervisor with this strategy, under root, with the default intensity. */
	public static SupervisorDefinition of(Strategy strategy) {
		return new SupervisorDefinition(strategy);
	}

	public Strategy strategy() {
		return this.strategy;
	}

	@Override
	public Supervisor getObject() {
		return Supervisor.of(runtime().named(name()));
	}

	@Override
	public Class<?> getObjectType() {
		return Supervisor.class;
	}

}
