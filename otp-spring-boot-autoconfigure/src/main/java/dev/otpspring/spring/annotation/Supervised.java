package dev.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.otpspring.supervisor.RestartType;

/**
 * Puts a process bean under a supervisor of the tree: a behaviour-style
 * {@link dev.otpspring.genserver.GenServerBehaviour}, an {@link dev.otpspring.spring.AgentDefinition}
 * or a custom {@link dev.otpspring.supervisor.ChildSpec}, on a bean class or a {@code @Bean} method.
 *
 * <pre>{@code
 * @Bean
 * @Supervised(supervisor = "payments", order = 1)
 * Ledger ledger() {                      // implements GenServerBehaviour<Ledger.State>
 *     return new Ledger();
 * }
 * }</pre>
 *
 * The process is registered under {@link #name()} (the bean name by default) and started with the
 * tree; talk to it with {@code GenServer.call(runtime.named("ledger"), …)}. For a {@code ChildSpec}
 * bean the spec's own start function, restart and shutdown are used.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Supervised {

	/** The supervisor to run under; {@code root} by default. */
	String supervisor() default "root";

	/** The registered process name; defaults to the bean name. */
	String name() default "";

	/** When the supervisor restarts it. */
	RestartType restart() default RestartType.PERMANENT;

	/** {@code "5s"} (the default), another duration, {@code "brutal-kill"} or {@code "infinity"}. */
	String shutdown() default "5s";

	/** Start position among the supervisor's children: lower starts first; ties keep declaration order. */
	int order() default 0;

}
