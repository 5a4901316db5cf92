package dev.otpspring.process;

import org.jspecify.annotations.Nullable;

/**
 * The calling process: what Erlang code reaches through {@code self()}, {@code link/1},
 * {@code monitor/2} and {@code process_flag(trap_exit, …)}.
 * <p>
 * Usable from any code a process runs — a spawned handler, a GenServer callback, an Agent
 * function. Called from a thread that runs no process, each method throws
 * {@link NotInProcessException}.
 *
 * <pre>{@code
 * public Init<State> init() {
 *     Self.trapExits(true);                 // terminate/2 runs when the supervisor stops us
 *     MonitorRef ref = Self.monitor(peer);  // a Down arrives in handleInfo when peer exits
 *     return Init.ok(new State(ref));
 * }
 * }</pre>
 */
public final class Self {

	private Self() {
	}

	/** The Pid of the calling process. */
	public static Pid pid() {
		return current("Self.pid()").pid;
	}

	/** The runtime the calling process belongs to. */
	public static OtpRuntime runtime() {
		return current("Self.runtime()").runtime;
	}

	/** Whether the calling thread is running a process at all. */
	public static boolean inProcess() {
		return ProcessCell.current() != null;
	}

	/**
	 * Whether the calling thread runs a process that has already exited: a zombie, killed or
	 * signalled while in a handler, that the JVM cannot stop at once. What it still does is void
	 * (SEMANTICS §5): its sends and replies are dropped. False outside processes.
	 */
	public static boolean isZombie() {
		ProcessCell cell = ProcessCell.current();
		return cell != null && !cell.isAlive();
	}

	/** The Pid of the calling process, or {@code null} when the caller is a plain thread. */
	public static @Nullable Pid pidOrNull() {
		ProcessCell cell = ProcessCell.current();
		return (cell != null) ? cell.pid : null;
	}

	/**
	 * Links the calling process and {@code other}, both ways (R13.1). If {@code other} has already
	 * exited, a process that traps exits receives {@code Exit(other, noproc)}; one that does not
	 * gets a {@link NoProcessException}.
	 */
	public static void link(Pid other) {
		ProcessCell self = current("Self.link()");
		ProcessCell target = other.cell;
		if (target == self) {
			return;
		}
		if (!target.addLink(self)) {
			if (!self.isTrappingExits()) {
				throw new NoProcessException(other, "link to it");
			}
			self.offerSystem(new Exit(other, ExitReason.NOPROC));
			return;
		}
		if (!self.addLink(target)) {
			// We were killed meanwhile: the link must still deliver our exit to the other side.
			target.exitSignal(self, self.exitReason(), true);
		}
	}

	/** Removes the link between the calling process and {@code other}, if any. */
	public static void unlink(Pid other) {
		ProcessCell self = current("Self.unlink()");
		self.removeLink(other.cell);
		other.cell.removeLink(self);
	}

	/**
	 * Monitors {@code target}: exactly one {@link Down} message arrives when it exits, at once
	 * with reason {@code noproc} if it already has (R13.4). The monitor ends with the calling
	 * process: one that exits leaves nothing behind on {@code target}.
	 */
	public static MonitorRef monitor(Pid target) {
		ProcessCell self = current("Self.monitor()");
		MonitorRef ref = new MonitorRef(self, target);
		if (!self.holdMonitor(ref)) {
			return ref; // killed meanwhile: no Down will ever be handled here
		}
		target.cell.addObserver(ref);
		if (!self.isAlive()) {
			target.cell.removeObserver(ref); // killed meanwhile: its exit may have come too early to withdraw it
		}
		return ref;
	}

	/**
	 * Removes a monitor. No {@link Down} for it is handled afterwards, even one already queued.
	 * @return true if the monitor was active; false if its {@code Down} was already handled
	 */
	public static boolean demonitor(MonitorRef ref) {
		ProcessCell self = current("Self.demonitor()");
		if (ref.watcher() != self) {
			throw new IllegalArgumentException(ref + " belongs to " + ref.watcher().pid + ", not to " + self.pid);
		}
		ref.target().cell.removeObserver(ref);
		self.releaseMonitor(ref);
		return ref.claim();
	}

	/**
	 * Sets whether exit signals from links arrive as {@link Exit} messages instead of ending the
	 * calling process (R13.1).
	 * @return the previous setting
	 */
	public static boolean trapExits(boolean trap) {
		return current("Self.trapExits()").trapExit(trap);
	}

	/** Whether the calling process traps exits. */
	public static boolean trapsExits() {
		return current("Self.trapsExits()").isTrappingExits();
	}

	/**
	 * Records that the calling process is blocked waiting for a reply from {@code server}
	 * ({@code null} once it no longer waits). {@code GenServer.call} maintains it; it feeds call-cycle
	 * detection and {@link ProcessInfo#awaiting()}. Does nothing outside a process.
	 */
	public static void awaitingReplyFrom(@Nullable Pid server) {
		ProcessCell cell = ProcessCell.current();
		if (cell != null) {
			cell.awaiting(server);
		}
	}

	/**
	 * Ends the calling process with {@code reason} once the current handler returns, like
	 * Erlang's {@code exit(Reason)}; links and monitors see {@code reason}.
	 */
	public static void exit(ExitReason reason) {
		current("Self.exit()").requestExit(reason);
	}

	private static ProcessCell current(String operation) {
		ProcessCell cell = ProcessCell.current();
		if (cell == null) {
			throw new NotInProcessException(operation);
		}
		return cell;
	}

}
