package dev.otpspring.spring.actuate;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/** The JSON shapes of {@code /actuator/otp}. */
public final class OtpTreeDescriptors {

	private OtpTreeDescriptors() {
	}

	/**
	 * The whole tree.
	 * @param state the tree's state: NEW, STARTING, RUNNING, BROKEN or STOPPED
	 * @param processes processes alive in the runtime
	 * @param messages messages handled since start
	 * @param deadLetters messages sent to processes that had exited
	 * @param root the root supervisor and everything under it; {@code null} before start
	 * @param recentEvents recent supervisor events, newest first
	 */
	public record TreeDescriptor(String state, long processes, long messages, long deadLetters,
			@Nullable SupervisorDescriptor root, List<EventDescriptor> recentEvents) implements OperationResponseBody {
	}

	/** A supervisor or a process of the tree. */
	public sealed interface NodeDescriptor extends OperationResponseBody permits SupervisorDescriptor, ProcessDescriptor {

		/** Its name. */
		String name();

	}

	/**
	 * A supervisor.
	 * @param name its name
	 * @param pid its current Pid, or {@code null} when not running
	 * @param kind always {@code supervisor}
	 * @param strategy one_for_one, one_for_all, rest_for_one or dynamic
	 * @param maxRestarts its intensity limit
	 * @param maxSeconds its intensity window
	 * @param restartsInWindow restarts counted in its current window
	 * @param maxChildren the limit of a dynamic supervisor, or {@code null}
	 * @param status running, restarting, stopped or gave up
	 * @param restart its restart type under its parent ({@code null} for the root)
	 * @param restartCount how often its parent restarted it
	 * @param lastExitReason why it last exited, or {@code null}
	 * @param lastExitAt when, or {@code null}
	 * @param children its children in start order
	 */
	public record SupervisorDescriptor(String name, @Nullable String pid, String kind, @Nullable String strategy,
			@Nullable Integer maxRestarts, @Nullable Integer maxSeconds, @Nullable Integer restartsInWindow,
			@Nullable Integer maxChildren, String status, @Nullable String restart, @Nullable Integer restartCount,
			@Nullable String lastExitReason, @Nullable Instant lastExitAt, List<NodeDescriptor> children)
			implements NodeDescriptor {
	}

	/**
	 * A worker process.
	 * @param name its registered name (or its Pid if it has none)
	 * @param pid its current Pid, or {@code null} when not running
	 * @param kind always {@code worker}
	 * @param supervisor the supervisor it runs under
	 * @param restart its restart type
	 * @param status running, restarting or stopped
	 * @param restartCount how often its supervisor restarted it
	 * @param lastExitReason why it last exited, or {@code null}
	 * @param lastExitAt when, or {@code null}
	 * @param mailboxDepth messages waiting in its mailbox
	 * @param messagesProcessed messages its current incarnation has handled
	 * @param state its state, sanitised, only when {@code management.endpoint.otp.show-state} allows
	 */
	public record ProcessDescriptor(String name, @Nullable String pid, String kind, String supervisor, String restart,
			String status, int restartCount, @Nullable String lastExitReason, @Nullable Instant lastExitAt,
			@Nullable Integer mailboxDepth, @Nullable Long messagesProcessed, @Nullable Object state)
			implements NodeDescriptor {
	}

	/**
	 * A supervisor event.
	 * @param type child_exited, child_restarted, start_failed or gave_up
	 * @param at when
	 * @param supervisor the supervisor
	 * @param child the child's id (or Pid under a dynamic supervisor)
	 * @param pid the Pid that exited, or the new Pid after a restart; {@code null} for a failed start or a
	 * give-up
	 * @param reason the exit or failure reason, if any
	 * @param action what the supervisor did
	 */
	public record EventDescriptor(String type, Instant at, String supervisor, String child, @Nullable String pid,
			@Nullable String reason, String action) {
	}

}
