package dev.otpspring.process;

import org.jspecify.annotations.Nullable;

/**
 * An exit signal turned into a message, received by a process that traps exits (R13.1): the
 * Java form of {@code {'EXIT', from, reason}}.
 *
 * @param from the process that exited or sent the signal; {@code null} when
 * {@link OtpRuntime#exit} was called from outside any process
 * @param reason the exit reason
 */
public record Exit(@Nullable Pid from, ExitReason reason) {
}
