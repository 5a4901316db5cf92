package dev.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs inside a {@link GenServer @GenServer} process when it starts, after the instance is
 * constructed and {@code @PostConstruct} ran — the place to arm timers, monitor other processes
 * or trap exits, since {@link dev.otpspring.process.Self} works here. Takes no parameters. Throwing
 * fails the start.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnInit {

}
