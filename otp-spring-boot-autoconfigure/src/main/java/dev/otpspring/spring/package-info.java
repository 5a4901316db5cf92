/**
 * The application's supervision tree as Spring beans: supervisor and Agent definitions, and the
 * {@link dev.otpspring.spring.OtpSupervisionTree} that starts the tree with the application
 * context and stops it, in reverse order, when the context closes.
 * <p>
 * Declare supervisors with {@code otp.supervisors.<name>} properties or as
 * {@link dev.otpspring.spring.SupervisorDefinition} and
 * {@link dev.otpspring.spring.DynamicSupervisorDefinition} beans; inject the handles they resolve
 * to. The auto-configuration in {@code dev.otpspring.spring.autoconfigure} does the wiring.
 */
@NullMarked
package dev.otpspring.spring;

import org.jspecify.annotations.NullMarked;
