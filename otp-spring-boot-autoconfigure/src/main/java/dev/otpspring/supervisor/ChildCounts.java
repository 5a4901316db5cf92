package dev.otpspring.supervisor;

/**
 * {@code count_children} (R8.6).
 *
 * @param specs all children, running or not
 * @param active children whose process is alive
 * @param supervisors children of type supervisor
 * @param workers children of type worker
 */
public record ChildCounts(int specs, int active, int supervisors, int workers) {
}
