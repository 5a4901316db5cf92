package dev.otpspring.spring;

import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.beans.factory.FactoryBean;

import dev.otpspring.agent.Agent;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.supervisor.RestartType;

/**
 * Declares an {@link Agent} of the tree as a bean: the agent starts with the tree, under its
 * supervisor, and the bean is injectable as {@code Agent<T>} by its generic type. The handle
 * follows the agent's name, so it keeps working across restarts.
 *
 * <pre>{@code
 * @Bean
 * AgentDefinition<Map<String, Integer>> cache() {
 *     return AgentDefinition.of(HashMap::new);        // the state a (re)start begins with
 * }
 *
 * @Autowired Agent<Map<String, Integer>> cache;
 * cache.update(map -> { map.merge("hits", 1, Integer::sum); return map; });
 * }</pre>
 *
 * @param <T> the type of the agent's value
 */
public final class AgentDefinition<T> implements FactoryBean<Agent<T>>, BeanNameAware, BeanFactoryAware {

	private final Supplier<? extends T> initialState;

	private String name;

	private String supervisor = "root";

	private RestartType restart = RestartType.PERMANENT;

	private int order;

	private BeanFactory beanFactory;

	private AgentDefinition(Supplier<? extends T> initialState) {
		this.initialState = Objects.requireNonNull(initialState, "initialState must not be null");
	}

	/** An agent whose value starts as {@code initialState.get()}, computed inside the agent on every (re)start. */
	public static <T> AgentDefinition<T> of(Supplier<? extends T> initialState) {
		return new AgentDefinition<>(initialState);
	}

	/** The registered name; the bean name by default. */
	public AgentDefinition<T> named(String name) {
		this.name = name;
		return this;
	}

	/** The supervisor to run under; {@code root} by default. */
	public AgentDefinition<T> supervisor(String supervisor) {
		this.supervisor = supervisor;
		return this;
	}

	/** When the supervisor restarts it; permanent by default. */
	public AgentDefinition<T> restart(RestartType restart) {
		this.restart = restart;
		return this;
	}

	/** Start position among the supervisor's children. */
	public AgentDefinition<T> order(int order) {
		this.order = order;
		return this;
	}

	public Supplier<? extends T> initialState() {
		return this.initialState;
	}

	public String name() {
		return this.name;
	}

	public String supervisor() {
		return this.supervisor;
	}

	public RestartType restart() {
		return this.restart;
	}

	public int order() {
		return this.order;
	}

	@Override
	public void setBeanName(String beanName) {
		if (this.name == null) {
			this.name = beanName;
		}
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public Agent<T> getObject() {
		return Agent.of(this.beanFactory.getBean(OtpRuntime.class).named(this.name));
	}

	@Override
	public Class<?> getObjectType() {
		return Agent.class;
	}

}
