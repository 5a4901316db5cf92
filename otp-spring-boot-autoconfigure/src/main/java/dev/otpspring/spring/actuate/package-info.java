/**
 * Actuator support: the {@code /actuator/otp} endpoint, which shows the live supervision tree
 * (every supervisor and process with its status, restarts, last exit and mailbox) and the recent
 * supervisor events, and a health indicator that is UP while the tree runs and DOWN once a
 * critical supervisor has given up.
 */
@NullMarked
package dev.otpspring.spring.actuate;

import org.jspecify.annotations.NullMarked;
