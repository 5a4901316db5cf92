package dev.otpspring.spring.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.StringUtils;

import dev.otpspring.agent.Agent;
import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.process.MailboxLimits;
import dev.otpspring.spring.AbstractSupervisorDefinition;
import dev.otpspring.spring.AgentDefinition;
import dev.otpspring.spring.TreePlan;
import dev.otpspring.spring.annotation.Supervised;
import dev.otpspring.supervisor.ChildSpec;
import dev.otpspring.supervisor.ChildStart;
import dev.otpspring.supervisor.ChildType;
import dev.otpspring.supervisor.RestartType;
import dev.otpspring.supervisor.Shutdown;

/**
 * Finds the tree's parts among the beans — supervisor definitions, {@code @GenServer} classes,
 * {@code @Supervised} beans and Agent definitions — and plans the tree once the singletons exist.
 */
final class TreePlanner implements Supplier<TreePlan> {

	private final ConfigurableListableBeanFactory beanFactory;

	private final OtpProperties properties;

	TreePlanner(ConfigurableListableBeanFactory beanFactory, OtpProperties properties) {
		this.beanFactory = beanFactory;
		this.properties = properties;
	}

	@Override
	public TreePlan get() {
		List<String> beanNames = List.of(this.beanFactory.getBeanDefinitionNames());
		OtpDeclarations declarations = this.beanFactory.getBean(OtpDeclarations.class);
		List<ProcessNode> processes = new ArrayList<>();
		for (String factoryName : this.beanFactory.getBeanNamesForType(GenServerProxyFactoryBean.class, true, false)) {
			GenServerDeclaration declaration = this.beanFactory.getBean(factoryName, GenServerProxyFactoryBean.class)
				.declaration();
			processes.add(genServer(declaration, beanNames));
		}
		Set<String> agentsSeen = new HashSet<>();
		for (String beanName : this.beanFactory.getBeanNamesForAnnotation(Supervised.class)) {
			processes.add(supervised(BeanFactoryUtils.transformedBeanName(beanName), beanNames, agentsSeen));
		}
		for (String beanName : this.beanFactory.getBeanNamesForType(AgentDefinition.class, true, false)) {
			String name = BeanFactoryUtils.transformedBeanName(beanName);
			if (!agentsSeen.contains(name)) {
				processes.add(agent(name, factory(name, AgentDefinition.class), null, beanNames));
			}
		}
		checkProcessProperties(processes);
		return SupervisionTreeModel.plan(supervisors(), Set.copyOf(declarations.supervisorsFromProperties()), processes,
				beanNames::indexOf);
	}

	/** {@code otp.processes.<name>} must name a process of the tree whose mailbox the tree creates. */
	private void checkProcessProperties(List<ProcessNode> processes) {
		Set<String> names = new HashSet<>();
		processes.forEach((process) -> names.add(process.name()));
		this.properties.getProcesses().keySet().forEach((name) -> {
			if (!names.contains(name)) {
				throw new OtpConfigurationException("otp.processes." + name, "no process of the tree is named '" + name + "'",
						"Use the name of a @GenServer, @Supervised GenServerBehaviour or Agent bean: " + names);
			}
		});
	}

	/** The start options of a process, with the mailbox limits of {@code otp.processes.<name>.mailbox}. */
	private GenServerOptions options(String name) {
		OtpProperties.Process process = this.properties.getProcesses().get(name);
		if (process == null) {
			return GenServerOptions.named(name);
		}
		String prefix = "otp.processes." + name + ".mailbox.";
		OtpProperties.Mailbox mailbox = process.getMailbox();
		if (mailbox.getCapacity() < 0) {
			throw new OtpConfigurationException(prefix + "capacity", "must be 0 (unbounded) or positive, but was "
					+ mailbox.getCapacity(), "Set a positive capacity, or 0 for an unbounded mailbox.");
		}
		if (mailbox.getWarningDepth() < 0) {
			throw new OtpConfigurationException(prefix + "warning-depth", "must be 0 (off) or positive, but was "
					+ mailbox.getWarningDepth(), "Set a positive depth, or 0 for no warning.");
		}
		return GenServerOptions.named(name)
			.withMailbox(new MailboxLimits(mailbox.getCapacity(), mailbox.getOverflow(), mailbox.getWarningDepth()));
	}

	private Map<String, AbstractSupervisorDefinition<?, ?>> supervisors() {
		Map<String, AbstractSupervisorDefinition<?, ?>> supervisors = new LinkedHashMap<>();
		for (String beanName : this.beanFactory.getBeanNamesForType(AbstractSupervisorDefinition.class, true, false)) {
			String name = BeanFactoryUtils.transformedBeanName(beanName);
			supervisors.put(name, factory(name, AbstractSupervisorDefinition.class));
		}
		return supervisors;
	}

	private ProcessNode genServer(GenServerDeclaration declaration, List<String> beanNames) {
		String name = declaration.processName();
		GenServerOptions options = options(name);
		ChildSpec spec = new ChildSpec(name,
				() -> GenServer.startLink(
						new AnnotatedGenServer(declaration.type(), () -> this.beanFactory.getBean(declaration.targetBeanName())),
						options),
				declaration.restart(), declaration.shutdown(), ChildType.WORKER);
		return new ProcessNode(name, declaration.supervisor(), declaration.order(), beanNames.indexOf(declaration.beanName()),
				"@GenServer bean '" + declaration.beanName() + "'", spec);
	}

	private ProcessNode supervised(String beanName, List<String> beanNames, Set<String> agentsSeen) {
		Supervised supervised = this.beanFactory.findAnnotationOnBean(beanName, Supervised.class);
		String subject = "@Supervised bean '" + beanName + "'";
		if (this.beanFactory.isFactoryBean(beanName)
				&& factory(beanName, Object.class) instanceof AgentDefinition<?> definition) {
			agentsSeen.add(beanName);
			return agent(beanName, definition, supervised, beanNames);
		}
		Object bean = this.beanFactory.getBean(beanName);
		String name = StringUtils.hasText(supervised.name()) ? supervised.name() : beanName;
		int index = beanNames.indexOf(beanName);
		return switch (bean) {
			case GenServerBehaviour<?> behaviour -> new ProcessNode(name, supervised.supervisor(), supervised.order(), index,
					subject, new ChildSpec(name, start(behaviour, options(name)),
							supervised.restart(), Durations.shutdown(supervised.shutdown(), subject + " shutdown"),
							ChildType.WORKER));
			case ChildSpec spec -> new ProcessNode(String.valueOf(spec.id()), supervised.supervisor(), supervised.order(),
					index, subject, spec);
			default -> throw new OtpConfigurationException(subject, "a " + bean.getClass().getName() + " is not a process",
					"Put @Supervised on a GenServerBehaviour, an AgentDefinition or a ChildSpec bean; annotate classes "
							+ "whose fields are the state with @GenServer instead.");
		};
	}

	private static ChildStart start(GenServerBehaviour<?> behaviour, GenServerOptions options) {
		return () -> GenServer.startLink(behaviour, options);
	}

	private ProcessNode agent(String beanName, AgentDefinition<?> definition, Supervised supervised, List<String> beanNames) {
		String name = (supervised != null && StringUtils.hasText(supervised.name())) ? supervised.name() : definition.name();
		String supervisor = (supervised != null) ? supervised.supervisor() : definition.supervisor();
		RestartType restart = (supervised != null) ? supervised.restart() : definition.restart();
		int order = (supervised != null) ? supervised.order() : definition.order();
		GenServerOptions options = options(name);
		ChildSpec spec = new ChildSpec(name, () -> Agent.startLink(definition.initialState(), options),
				restart, Shutdown.DEFAULT_WORKER, ChildType.WORKER);
		return new ProcessNode(name, supervisor, order, beanNames.indexOf(beanName), "Agent bean '" + beanName + "'", spec);
	}

	private <T> T factory(String beanName, Class<T> type) {
		return this.beanFactory.getBean(BeanFactory.FACTORY_BEAN_PREFIX + beanName, type);
	}

}
