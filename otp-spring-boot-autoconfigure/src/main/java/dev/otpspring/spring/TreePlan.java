package dev.otpspring.spring;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.otpspring.supervisor.SupervisorSpec;

/**
 * The validated supervision tree, ready to start: the root supervisor's spec (children, nested
 * supervisors and all) plus what observability needs to know about it.
 *
 * @param root the root supervisor, with everything under it
 * @param supervisors the names of all supervisors of the tree, root first
 * @param criticalSupervisors the supervisors whose giving up breaks the application
 */
public record TreePlan(SupervisorSpec root, List<String> supervisors, Set<String> criticalSupervisors) {

	public TreePlan {
		Objects.requireNonNull(root, "root must not be null");
		supervisors = List.copyOf(supervisors);
		criticalSupervisors = Set.copyOf(criticalSupervisors);
	}

}
