/**
 * Processes: the unit of concurrency, failure and state of OTP, and the runtime they live in.
 * <p>
 * A process is a lightweight, isolated loop with a private state and a mailbox. Processes share
 * nothing; they talk only by sending messages ({@link dev.otpspring.process.OtpRuntime#send}),
 * which the receiver handles one at a time, in mailbox order. A process that fails simply exits
 * with an {@link dev.otpspring.process.ExitReason}; instead of defending against every error, other
 * processes learn of the exit through <em>links</em> (both end together unless one traps exits,
 * receiving an {@link dev.otpspring.process.Exit} message) and <em>monitors</em> (a one-way
 * {@link dev.otpspring.process.Down} message), and a supervisor starts it again.
 *
 * <pre>{@code
 * try (OtpRuntime runtime = OtpRuntime.create()) {
 *     Pid printer = runtime.spawn(() -> message -> System.out.println(message));
 *     runtime.register("printer", printer);
 *     runtime.send(runtime.named("printer"), "hello");
 * }
 * }</pre>
 *
 * An {@link dev.otpspring.process.OtpRuntime} is the Java counterpart of an Erlang node: its
 * processes, its registry of names and its timers. Each process is addressed by a
 * {@link dev.otpspring.process.Pid} or, across restarts, by a registered name. This package is plain
 * Java: the behaviours ({@code genserver}, {@code supervisor}, {@code agent}) build on it, and
 * nothing here depends on them or on Spring.
 */
@NullMarked
package dev.otpspring.process;

import org.jspecify.annotations.NullMarked;
