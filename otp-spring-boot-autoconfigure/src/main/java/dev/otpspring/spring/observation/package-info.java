/**
 * Micrometer Observation for calls and casts: an {@code otp.call} or {@code otp.cast} on the
 * sender's side, an {@code otp.handle} in the server, and the sender's context (trace, MDC)
 * carried from one to the other.
 */
@NullMarked
package dev.otpspring.spring.observation;

import org.jspecify.annotations.NullMarked;
