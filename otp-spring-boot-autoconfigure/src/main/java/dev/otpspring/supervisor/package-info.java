/**
 * Supervisors: processes whose only job is to start other processes and restart them when they
 * exit, the "let it crash" half of OTP.
 * <p>
 * A {@link dev.otpspring.supervisor.Supervisor} starts its children from
 * {@link dev.otpspring.supervisor.ChildSpec}s in order and, when one exits, restarts it — or it
 * and its siblings — by its {@link dev.otpspring.supervisor.Strategy} ({@code one_for_one},
 * {@code one_for_all}, {@code rest_for_one}) and the child's
 * {@link dev.otpspring.supervisor.RestartType}. Past its restart intensity ({@code maxRestarts}
 * in {@code maxSeconds}) it gives up and exits too, so the failure escalates to its own
 * supervisor: supervisors nest into a supervision tree that heals from the leaves up. A
 * {@link dev.otpspring.supervisor.DynamicSupervisor} starts its children at run time instead.
 *
 * <pre>{@code
 * Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(
 *         ChildSpec.worker("counter", () -> GenServer.startLink(new Counter(), GenServerOptions.named("counter")))))
 *     .named("root"));
 * }</pre>
 *
 * What supervisors do is published as {@link dev.otpspring.supervisor.SupervisorEvent}s, the
 * stream behind logs, metrics, health and the Actuator endpoint.
 */
@NullMarked
package dev.otpspring.supervisor;

import org.jspecify.annotations.NullMarked;
