package dev.otpspring.supervisor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import dev.otpspring.genserver.StartFailureReports;
import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.ExitListener;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Scheduler;
import dev.otpspring.process.Self;
import dev.otpspring.process.Watch;

/** Starting and stopping children, from inside a supervisor's process. */
final class ChildLifecycle {

	private static final long NO_DEADLINE = Long.MAX_VALUE;

	private ChildLifecycle() {
	}

	/**
	 * Runs a child's start function (R6.3): a throw or a {@code null} is a failed start. A started
	 * child is linked to the supervisor even if its start function forgot to link.
	 */
	static StartResult start(ChildSpec spec) {
		StartResult result;
		try {
			// The supervisor reports a failed start (R16.3); the child must not report it again.
			result = StartFailureReports.reportedByStarter(spec.start()::start);
		}
		catch (Throwable ex) {
			return new StartResult.Error(ExitReason.crash(ex));
		}
		if (result == null) {
			return new StartResult.Error(ExitReason.of("child '" + spec.id() + "' start function returned null"));
		}
		if (result instanceof StartResult.Ok ok) {
			Self.link(ok.pid()); // supervisors trap exits: a child already dead arrives as Exit(noproc)
		}
		return result;
	}

	/**
	 * Stops children the OTP way (R7.2): unlink, send {@code shutdown} (or {@code kill} for
	 * brutal_kill), wait up to each child's shutdown timeout, then kill. All signals go out first
	 * and the waits overlap, which is the dynamic supervisor's concurrent shutdown (R7.6); a static
	 * supervisor calls this with one child at a time (R7.1).
	 * @return the exit reason of each child
	 */
	static Map<Pid, ExitReason> shutdown(OtpRuntime runtime, List<Child> children) {
		Scheduler clock = runtime.scheduler();
		Thread waiter = Thread.currentThread();
		Map<Pid, ExitReason> exits = new ConcurrentHashMap<>();
		ExitListener listener = (pid, reason) -> {
			exits.put(pid, reason);
			LockSupport.unpark(waiter);
		};
		Map<Pid, Watch> watches = new HashMap<>();
		for (Child child : children) {
			Self.unlink(child.pid);
			watches.put(child.pid, runtime.watch(child.pid, listener));
			runtime.exit(child.pid,
					(child.spec.shutdown() instanceof Shutdown.BrutalKill) ? ExitReason.KILL : ExitReason.SHUTDOWN);
		}
		long start = clock.nanoTime();
		Map<Pid, Long> deadlines = new HashMap<>();
		for (Child child : children) {
			deadlines.put(child.pid, switch (child.spec.shutdown()) {
				case Shutdown.Timeout timeout -> start + timeout.timeout().toNanos();
				case Shutdown.Infinity infinity -> NO_DEADLINE;
				case Shutdown.BrutalKill kill -> NO_DEADLINE;
			});
		}
		awaitExits(runtime, exits, deadlines);
		watches.values().forEach(Watch::cancel);
		return exits;
	}

	/**
	 * Waits until every child has exited, killing each one when its own deadline passes, whatever
	 * the others are still doing: OTP keeps one timer per shutdown value (R7.6). Interrupted (the
	 * supervisor itself was killed), it kills those left and stops waiting.
	 */
	private static void awaitExits(OtpRuntime runtime, Map<Pid, ExitReason> exits, Map<Pid, Long> deadlines) {
		Scheduler clock = runtime.scheduler();
		for (;;) {
			deadlines.keySet().removeIf(exits::containsKey);
			if (deadlines.isEmpty()) {
				return;
			}
			boolean interrupted = Thread.currentThread().isInterrupted();
			long now = clock.nanoTime();
			long next = NO_DEADLINE;
			for (Map.Entry<Pid, Long> entry : deadlines.entrySet()) {
				long deadline = entry.getValue();
				if (interrupted || (deadline != NO_DEADLINE && now - deadline >= 0)) {
					runtime.exit(entry.getKey(), ExitReason.KILL);
					entry.setValue(NO_DEADLINE); // killed: only its exit is awaited now
				}
				else if (deadline != NO_DEADLINE && (next == NO_DEADLINE || deadline - next < 0)) {
					next = deadline;
				}
			}
			if (interrupted) {
				return;
			}
			clock.parkUntil((next == NO_DEADLINE) ? clock.nanoTime() + Long.MAX_VALUE / 4 : next);
		}
	}

	/**
	 * Whether a child stopped by its supervisor exited as expected (R7.4): {@code shutdown}
	 * always, {@code killed} after a brutal kill, normal-like reasons for non-permanent children.
	 */
	static boolean isExpectedShutdown(ChildSpec spec, ExitReason reason) {
		return reason instanceof ExitReason.Shutdown || reason instanceof ExitReason.NoProc
				|| (reason instanceof ExitReason.Killed && spec.shutdown() instanceof Shutdown.BrutalKill)
				|| (reason.isNormalLike() && spec.restart() != RestartType.PERMANENT);
	}

}
