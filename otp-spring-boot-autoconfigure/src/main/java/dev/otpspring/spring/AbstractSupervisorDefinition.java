package dev.otpspring.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.beans.factory.FactoryBean;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.supervisor.RestartType;
import dev.otpspring.supervisor.SupervisorSpec;

/**
 * What the two kinds of supervisor definitions share: their place in the tree and their restart
 * intensity. The bean name is the supervisor's registered name; the bean itself resolves to a
 * handle on the running supervisor.
 *
 * @param <H> the handle type the bean exposes
 * @param <D> the concrete definition type, for fluent setters
 */
public abstract class AbstractSupervisorDefinition<H, D extends AbstractSupervisorDefinition<H, D>>
		implements FactoryBean<H>, BeanNameAware, BeanFactoryAware {

	private String name;

	private @Nullable String parent;

	private int maxRestarts = SupervisorSpec.DEFAULT_MAX_RESTARTS;

	private int maxSeconds = SupervisorSpec.DEFAULT_MAX_SECONDS;

	private RestartType restart = RestartType.PERMANENT;

	private int order;

	private boolean critical;

	private BeanFactory beanFactory;

	/** The parent supervisor; {@code root} when not set. */
	public D parent(String parent) {
		this.parent = parent;
		return self();
	}

	/** Restarts allowed within {@code maxSeconds} before this supervisor gives up (default 3 in 5 s). */
	public D intensity(int maxRestarts, int maxSeconds) {
		this.maxRestarts = maxRestarts;
		this.maxSeconds = maxSeconds;
		return self();
	}

	/** When the parent restarts this supervisor after it gave up; permanent by default (R3.5). */
	public D restart(RestartType restart) {
		this.restart = restart;
		return self();
	}

	/** Start position among the parent's children: lower starts first. */
	public D order(int order) {
		this.order = order;
		return self();
	}

	/** Whether health reports DOWN once this supervisor gives up; the root always is critical. */
	public D critical(boolean critical) {
		this.critical = critical;
		return self();
	}

	/** The registered name: the bean name. */
	public String name() {
		return this.name;
	}

	/** The parent's name, or {@code null} for "root" (or for the root itself). */
	public @Nullable String parent() {
		return this.parent;
	}

	public int maxRestarts() {
		return this.maxRestarts;
	}

	public int maxSeconds() {
		return this.maxSeconds;
	}

	public RestartType restart() {
		return this.restart;
	}

	public int order() {
		return this.order;
	}

	public boolean critical() {
		return this.critical;
	}

	@Override
	public void setBeanName(String name) {
		this.name = name;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/** The runtime the handle resolves in. */
	protected OtpRuntime runtime() {
		return this.beanFactory.getBean(OtpRuntime.class);
	}

	@SuppressWarnings("unchecked")
	private D self() {
		return (D) this;
	}

}
