package dev.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs when a {@link GenServer @GenServer} process stops: on a crash, and on shutdown by its
 * supervisor — a class with an {@code @OnTerminate} method traps exits so that shutdowns reach it
 * (R7.3). Never runs when the process is killed (R12.2). Takes no parameter, or one
 * {@link dev.otpspring.process.ExitReason}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnTerminate {

}
