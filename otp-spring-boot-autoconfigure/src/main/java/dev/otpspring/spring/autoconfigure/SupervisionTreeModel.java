package dev.otpspring.spring.autoconfigure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import dev.otpspring.spring.AbstractSupervisorDefinition;
import dev.otpspring.spring.DynamicSupervisorDefinition;
import dev.otpspring.spring.SupervisorDefinition;
import dev.otpspring.spring.TreePlan;
import dev.otpspring.supervisor.ChildSpec;
import dev.otpspring.supervisor.DynamicSupervisor;
import dev.otpspring.supervisor.DynamicSupervisorSpec;
import dev.otpspring.supervisor.Supervisor;
import dev.otpspring.supervisor.SupervisorSpec;

/**
 * Checks the declared supervisors and processes form one sound tree — known parents, no cycles,
 * unique names, static children only under static supervisors — and turns it into the root
 * supervisor's spec. Every error names the property or bean to fix.
 */
final class SupervisionTreeModel {

	private final Map<String, AbstractSupervisorDefinition<?, ?>> supervisors;

	private final Set<String> fromProperties;

	private final ToIntFunction<String> declarationIndex;

	private final Map<String, List<Object>> children = new HashMap<>();

	private SupervisionTreeModel(Map<String, AbstractSupervisorDefinition<?, ?>> supervisors, Set<String> fromProperties,
			ToIntFunction<String> declarationIndex) {
		this.supervisors = supervisors;
		this.fromProperties = fromProperties;
		this.declarationIndex = declarationIndex;
	}

	/**
	 * @param supervisors the supervisor definitions by name (root included)
	 * @param fromProperties which of them come from {@code otp.supervisors.*}
	 * @param processes the processes
	 * @param declarationIndex the position of a bean among all bean definitions
	 */
	static TreePlan plan(Map<String, AbstractSupervisorDefinition<?, ?>> supervisors, Set<String> fromProperties,
			List<ProcessNode> processes, ToIntFunction<String> declarationIndex) {
		SupervisionTreeModel model = new SupervisionTreeModel(supervisors, fromProperties, declarationIndex);
		model.checkSupervisors();
		model.checkProcesses(processes);
		Set<String> critical = new LinkedHashSet<>();
		critical.add(OtpBeanRegistrar.ROOT);
		supervisors.forEach((name, definition) -> {
			if (definition.critical()) {
				critical.add(name);
			}
		});
		List<String> names = new ArrayList<>(supervisors.keySet());
		names.remove(OtpBeanRegistrar.ROOT);
		names.addFirst(OtpBeanRegistrar.ROOT);
		Set<String> dynamic = new LinkedHashSet<>();
		supervisors.forEach((name, definition) -> {
			if (definition instanceof DynamicSupervisorDefinition) {
				dynamic.add(name);
			}
		});
		Map<String, String> parents = new LinkedHashMap<>();
		model.children.forEach((parent, members) -> members.forEach((member) -> parents.put(
				(member instanceof ProcessNode process) ? process.name() : ((AbstractSupervisorDefinition<?, ?>) member).name(),
				parent)));
		return new TreePlan(model.staticSpec((SupervisorDefinition) supervisors.get(OtpBeanRegistrar.ROOT)), names, dynamic,
				critical, parents);
	}

	private void checkSupervisors() {
		AbstractSupervisorDefinition<?, ?> root = this.supervisors.get(OtpBeanRegistrar.ROOT);
		if (!(root instanceof SupervisorDefinition)) {
			throw new OtpConfigurationException(subject(OtpBeanRegistrar.ROOT, "strategy"),
					"the root supervisor must be static (one-for-one, one-for-all or rest-for-one)",
					"Declare the dynamic supervisor under root instead: give it another name and parent 'root'.");
		}
		this.supervisors.forEach((name, definition) -> {
			checkLimits(name, definition);
			if (OtpBeanRegistrar.ROOT.equals(name)) {
				return;
			}
			String parent = parentOf(definition);
			AbstractSupervisorDefinition<?, ?> parentDefinition = this.supervisors.get(parent);
			if (parentDefinition == null) {
				throw new OtpConfigurationException(subject(name, "parent"), "unknown parent supervisor '" + parent + "'",
						"Use one of the declared supervisors " + this.supervisors.keySet() + ", or declare '" + parent + "'.");
			}
			if (parentDefinition instanceof DynamicSupervisorDefinition) {
				throw new OtpConfigurationException(subject(name, "parent"), "'" + parent
						+ "' is a dynamic supervisor, which has no declared children",
						"Put '" + name + "' under a static supervisor; start children of '" + parent + "' at run time.");
			}
			this.children.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(definition);
		});
		this.supervisors.keySet().forEach(this::checkNoCycle);
	}

	private void checkLimits(String name, AbstractSupervisorDefinition<?, ?> definition) {
		if (definition.maxRestarts() < 0) {
			throw new OtpConfigurationException(subject(name, "max-restarts"),
					"must be zero or more, but was " + definition.maxRestarts(), "Use 0 or more; the default is 3.");
		}
		if (definition.maxSeconds() < 1) {
			throw new OtpConfigurationException(subject(name, "max-seconds"),
					"must be one or more, but was " + definition.maxSeconds(), "Use 1 or more; the default is 5.");
		}
		if (definition instanceof DynamicSupervisorDefinition dynamic && dynamic.maxChildren() < 1) {
			throw new OtpConfigurationException(subject(name, "max-children"),
					"must be one or more, but was " + dynamic.maxChildren(), "Use a positive limit.");
		}
	}

	private void checkNoCycle(String start) {
		List<String> path = new ArrayList<>();
		String current = start;
		while (!OtpBeanRegistrar.ROOT.equals(current)) {
			if (path.contains(current)) {
				path.add(current);
				throw new OtpConfigurationException(subject(start, "parent"),
						"the parents form a cycle: " + String.join(" -> ", path),
						"Make every supervisor's parent chain end at 'root'.");
			}
			path.add(current);
			current = parentOf(this.supervisors.get(current));
		}
	}

	private void checkProcesses(List<ProcessNode> processes) {
		Map<String, String> names = new LinkedHashMap<>();
		this.supervisors.keySet().forEach((name) -> names.put(name, subject(name, "name")));
		for (ProcessNode process : processes) {
			String taken = names.putIfAbsent(process.name(), process.subject());
			if (taken != null) {
				throw new OtpConfigurationException(process.subject(), "the process name '" + process.name()
						+ "' is already used by " + taken, "Give each process and supervisor a unique name.");
			}
			AbstractSupervisorDefinition<?, ?> supervisor = this.supervisors.get(process.supervisor());
			if (supervisor == null) {
				throw new OtpConfigurationException(process.subject(), "unknown supervisor '" + process.supervisor() + "'",
						"Use one of " + this.supervisors.keySet() + ", or declare it under otp.supervisors."
								+ process.supervisor() + ".");
			}
			if (supervisor instanceof DynamicSupervisorDefinition) {
				throw new OtpConfigurationException(process.subject(), "'" + process.supervisor()
						+ "' is a dynamic supervisor, which has no declared children",
						"Put it under a static supervisor, or start it at run time with DynamicSupervisor.startChild.");
			}
			this.children.computeIfAbsent(process.supervisor(), (key) -> new ArrayList<>()).add(process);
		}
	}

	private SupervisorSpec staticSpec(SupervisorDefinition definition) {
		List<Object> members = new ArrayList<>(this.children.getOrDefault(definition.name(), List.of()));
		// Lower order first; among equals, supervisors (infrastructure) first, then declaration order.
		members.sort(Comparator.comparingInt(this::orderOf).thenComparingInt((member) -> (member instanceof ProcessNode) ? 1 : 0)
			.thenComparingInt(this::indexOf));
		List<ChildSpec> specs = members.stream().map(this::childSpec).toList();
		return new SupervisorSpec(definition.name(), definition.strategy(), definition.maxRestarts(),
				definition.maxSeconds(), specs);
	}

	private ChildSpec childSpec(Object member) {
		if (member instanceof ProcessNode process) {
			return process.spec();
		}
		if (member instanceof SupervisorDefinition definition) {
			SupervisorSpec spec = staticSpec(definition);
			return ChildSpec.supervisor(definition.name(), () -> Supervisor.startLink(spec)).withRestart(definition.restart());
		}
		DynamicSupervisorDefinition definition = (DynamicSupervisorDefinition) member;
		DynamicSupervisorSpec spec = new DynamicSupervisorSpec(definition.name(), definition.maxRestarts(),
				definition.maxSeconds(), definition.maxChildren());
		return ChildSpec.supervisor(definition.name(), () -> DynamicSupervisor.startLink(spec)).withRestart(definition.restart());
	}

	private int orderOf(Object member) {
		return (member instanceof ProcessNode process) ? process.order() : ((AbstractSupervisorDefinition<?, ?>) member).order();
	}

	private int indexOf(Object member) {
		return (member instanceof ProcessNode process) ? process.index()
				: this.declarationIndex.applyAsInt(((AbstractSupervisorDefinition<?, ?>) member).name());
	}

	private static String parentOf(AbstractSupervisorDefinition<?, ?> definition) {
		return (definition.parent() != null && !definition.parent().isBlank()) ? definition.parent() : OtpBeanRegistrar.ROOT;
	}

	private String subject(String supervisor, String property) {
		return this.fromProperties.contains(supervisor) ? "otp.supervisors." + supervisor + "." + property
				: "supervisor bean '" + supervisor + "'";
	}

}
