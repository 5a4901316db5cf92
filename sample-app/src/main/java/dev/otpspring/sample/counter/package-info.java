/**
 * The "hello world" of OTP: a counter whose value lives in its own process, written as an
 * annotation-style {@code @GenServer}, and the HTTP API over it. Crash it and its supervisor
 * restarts it at zero.
 */
@NullMarked
package dev.otpspring.sample.counter;

import org.jspecify.annotations.NullMarked;
