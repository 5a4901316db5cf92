package dev.otpspring.spring;

import dev.otpspring.supervisor.DynamicSupervisor;
import dev.otpspring.supervisor.DynamicSupervisorSpec;

/**
 * Declares a dynamic supervisor of the tree as a bean: children are started at run time through
 * the {@link DynamicSupervisor} handle the bean resolves to.
 *
 * <pre>{@code
 * @Bean
 * DynamicSupervisorDefinition sessions() {
 *     return DynamicSupervisorDefinition.create().maxChildren(10_000);
 * }
 *
 * @Autowired @Qualifier("sessions") DynamicSupervisor sessions;
 * Pid session = sessions.getOrStart(new Via("session", id), (name) -> ChildSpec.worker(name, …));
 * }</pre>
 */
public final class DynamicSupervisorDefinition
		extends AbstractSupervisorDefinition<DynamicSupervisor, DynamicSupervisorDefinition> {

	private int maxChildren = DynamicSupervisorSpec.UNLIMITED;

	private DynamicSupervisorDefinition() {
	}

	/** A dynamic supervisor under root, with the default intensity and no child limit. */
	public static DynamicSupervisorDefinition create() {
		return new DynamicSupervisorDefinition();
	}

	/** The most children at once (R5.6). */
	public DynamicSupervisorDefinition maxChildren(int maxChildren) {
		this.maxChildren = maxChildren;
		return this;
	}

	public int maxChildren() {
		return this.maxChildren;
	}

	@Override
	public DynamicSupervisor getObject() {
		return DynamicSupervisor.of(runtime().named(name()));
	}

	@Override
	public Class<?> getObjectType() {
		return DynamicSupervisor.class;
	}

}
