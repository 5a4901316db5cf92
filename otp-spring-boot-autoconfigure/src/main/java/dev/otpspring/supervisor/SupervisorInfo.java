package dev.otpspring.supervisor;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.otpspring.process.Pid;

/**
 * A snapshot of a supervisor: what the Actuator endpoint shows.
 *
 * @param name its registered name, or {@code null}
 * @param pid its process
 * @param strategy its strategy; {@code null} for a dynamic supervisor
 * @param dynamic whether it is a dynamic supervisor
 * @param maxRestarts the intensity limit
 * @param maxSeconds the intensity window
 * @param restartsInWindow restarts counted in the current window
 * @param maxChildren the child limit of a dynamic supervisor ({@link DynamicSupervisorSpec#UNLIMITED} otherwise)
 * @param children its children in reverse start order, as {@code which_children}
 */
public record SupervisorInfo(@Nullable Object name, Pid pid, @Nullable Strategy strategy, boolean dynamic,
		int maxRestarts, int maxSeconds, int restartsInWindow, int maxChildren, List<ChildInfo> children) {
}
