package dev.otpspring.supervisor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

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

	private ChildLifecycle() {
	}

	/**
	 * Runs a child's start function (R6.3): a throw or a {@code null} is a failed start. A started
	 * child is linked to the supervisor even if its start function forgot to link.
	 */
	static StartResult start(ChildSpec spec) {
		StartResult result;
		try {
			result = spec.start().start();
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
		for (Child child : children) {
			long deadline = switch (child.spec.shutdown()) {
				case Shutdown.Timeout timeout -> start + timeout.timeout().toNanos();
				case Shutdown.Infinity infinity -> Long.MAX_VALUE;
				case Shutdown.BrutalKill kill -> Long.MAX_VALUE;
			};
			if (!awaitExit(clock, exits, child.pid, deadline)) {
				runtime.exit(child.pid, ExitReason.KILL);
				awaitExit(clock, exits, child.pid, Long.MAX_VALUE);
			}
		}
		watches.values().forEach(Watch::cancel);
		return exits;
	}

	private static boolean awaitExit(Scheduler clock, Map<Pid, ExitReason> exits, Pid pid, long deadline) {
		while (!exits.containsKey(pid)) {
			if ((deadline != Long.MAX_VALUE && clock.nanoTime() - deadline >= 0)
					|| Thread.currentThread().isInterrupted()) {
				return exits.containsKey(pid);
			}
			clock.parkUntil((deadline == Long.MAX_VALUE) ? clock.nanoTime() + Long.MAX_VALUE / 4 : deadline);
		}
		return true;
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
