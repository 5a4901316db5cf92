package dev.otpspring.spring;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.otpspring.supervisor.SupervisorSpec;

/**
 * The validated supervision tree, ready to start: the root supervisor's spec (children, nested
 * supervisors and all) plus what observability needs to know about it.
 *
 * @param root the root supervisor, with everything under it
 * @param supervisors the names of all supervisors of the tree, root first
 * @param dynamicSupervisors which of them are dynamic
 * @param criticalSupervisors the supervisors whose giving up breaks the application
 * @param parents every declared process and supervisor (but root), mapped to its supervisor
 */
public record TreePlan(SupervisorSpec root, List<String> supervisors, Set<String> dynamicSupervisors,
		Set<String> criticalSupervisors, Map<String, String> parents) {

	public TreePlan {
		Objects.requireNonNull(root, "root must not be null");
		supervisors = List.copyOf(supervisors);
		dynamicSupervisors = Set.copyOf(dynamicSupervisors);
		criticalSupervisors = Set.copyOf(criticalSupervisors);
		parents = Map.copyOf(parents);
	}

	/** The declared worker processes (not supervisors), mapped to their supervisor. */
	public Map<String, String> processes() {
		Map<String, String> processes = new java.util.LinkedHashMap<>(this.parents);
		this.supervisors.forEach(processes::remove);
		return processes;
	}

}
