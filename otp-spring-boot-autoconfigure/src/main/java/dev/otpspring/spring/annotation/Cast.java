package dev.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link GenServer @GenServer} method as a cast: the proxy sends it and returns at once.
 * {@code void} methods are casts already; this states it explicitly. Only {@code void} methods can
 * be casts.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Cast {

}
