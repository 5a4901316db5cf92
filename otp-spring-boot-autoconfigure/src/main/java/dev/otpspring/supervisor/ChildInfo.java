package dev.otpspring.supervisor;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;

/**
 * One child of a supervisor, as {@link Supervisor#whichChildren()} reports it, with its history.
 *
 * @param id the child's id; {@code null} under a dynamic supervisor, where ids are not used (R9.3)
 * @param pid the running process, or {@code null} when not running
 * @param status running, restarting or undefined
 * @param type worker or supervisor
 * @param restart the restart type
 * @param restarts how many times the supervisor restarted it
 * @param lastExitReason why it last exited, or {@code null} if it never did
 * @param lastExitAt when it last exited (wall clock), or {@code null}
 */
public record ChildInfo(@Nullable Object id, @Nullable Pid pid, ChildStatus status, ChildType type, RestartType restart,
		int restarts, @Nullable ExitReason lastExitReason, @Nullable Instant lastExitAt) {
}
