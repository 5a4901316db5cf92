package dev.otpspring.supervisor;

import java.util.Collection;

import dev.otpspring.process.OtpRuntime;

/**
 * {@code count_children} (R8.6).
 *
 * @param specs all children, running or not
 * @param active children whose process is alive
 * @param supervisors children of type supervisor
 * @param workers children of type worker
 */
public record ChildCounts(int specs, int active, int supervisors, int workers) {

	/** Counts a supervisor's children; run by the supervisor process, which owns them. */
	static ChildCounts of(OtpRuntime runtime, Collection<Child> children) {
		int active = 0;
		int supervisors = 0;
		for (Child child : children) {
			if (child.isRunning() && runtime.isAlive(child.pid)) {
				active++;
			}
			if (child.spec.type() == ChildType.SUPERVISOR) {
				supervisors++;
			}
		}
		return new ChildCounts(children.size(), active, supervisors, children.size() - supervisors);
	}

}
