package dev.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

import dev.otpspring.supervisor.RestartType;

/**
 * Makes a class a supervised server process whose fields are its private state: the Spring way
 * to write a GenServer.
 *
 * <pre>{@code
 * @GenServer
 * public class Counter {
 *     private int value;
 *
 *     public int value() { return value; }   // a call: waits for the answer (5 s by default)
 *     public void inc() { value++; }          // a cast: returns at once
 *     public void crash() { throw new IllegalStateException("boom"); }
 * }
 *
 * @RestController
 * class CounterController {
 *     CounterController(Counter counter) { … }   // a proxy: every method becomes a message
 * }
 * }</pre>
 *
 * Beans that inject the class get a proxy that sends each method call to the process registered
 * under {@link #name()}: methods returning a value become {@code call}s, {@code void} methods and
 * {@link Cast @Cast} methods become {@code cast}s, and methods returning
 * {@code CompletableFuture} become asynchronous calls. The proxy looks the process up on every
 * call, so it keeps working across restarts.
 * <p>
 * Only the process touches the instance, one message at a time, so the fields need no locks.
 * An exception thrown by a method crashes the process — the caller gets a
 * {@link dev.otpspring.genserver.ProcessExitException} carrying it — and the supervisor
 * restarts it with a <em>fresh instance</em>: constructor injection and {@code @PostConstruct}
 * run again, as OTP restarts a process in its initial state. Use {@link OnInit @OnInit},
 * {@link HandleInfo @HandleInfo} and {@link OnTerminate @OnTerminate} for timers, plain
 * messages and clean-up.
 * <p>
 * The class must not be {@code final} (the proxy subclasses it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface GenServer {

	/** The bean name; also the process name unless {@link #name()} is set. */
	@AliasFor(annotation = Component.class)
	String value() default "";

	/** The registered process name; defaults to the bean name. */
	String name() default "";

	/** The supervisor to run under, from {@code otp.supervisors.*}; {@code root} by default. */
	String supervisor() default "root";

	/** When the supervisor restarts it. */
	RestartType restart() default RestartType.PERMANENT;

	/**
	 * How long it may take to stop: a duration such as {@code "5s"} (the default),
	 * {@code "brutal-kill"} or {@code "infinity"}.
	 */
	String shutdown() default "5s";

	/** The timeout of calls through the proxy, such as {@code "10s"}; defaults to {@code otp.call-timeout} (5 s). */
	String callTimeout() default "";

	/** Start position among the supervisor's children: lower starts first; ties keep declaration order. */
	int order() default 0;

}
