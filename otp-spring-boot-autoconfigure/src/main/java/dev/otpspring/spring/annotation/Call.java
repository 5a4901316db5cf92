package dev.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link GenServer @GenServer} method as a call, optionally with its own timeout. Methods
 * that return a value are calls already; on a {@code void} method this makes the caller wait
 * until the process has run it.
 *
 * <pre>{@code
 * @Call(timeout = "30s")
 * public Report build() { … }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Call {

	/** This method's call timeout, such as {@code "30s"} or {@code "infinity"}; empty for the class default. */
	String timeout() default "";

}
