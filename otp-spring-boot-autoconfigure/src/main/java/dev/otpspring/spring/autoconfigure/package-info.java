/**
 * Auto-configuration of the OTP runtime and the supervision tree: the {@code otp.*} properties,
 * the discovery of {@code @GenServer} classes, {@code @Supervised} beans and supervisor
 * definitions, the validation of the tree at startup, and the Actuator and Micrometer support
 * when those are on the class path. The runtime, the tree and the observability beans back off
 * when the application defines its own.
 */
@NullMarked
package dev.otpspring.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
