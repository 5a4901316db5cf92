package dev.otpspring.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.otpspring.genserver.CallException;
import dev.otpspring.genserver.GenServer;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.MailboxFullException;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.reliability.ChaosTree.Member;
import dev.otpspring.reliability.SoakServer.InjectedFault;

/**
 * Attacks random processes of a {@link ChaosTree} until stopped: kills, crashing calls and casts,
 * slow handlers, and now and then a kill of a whole static subtree. Records every fault with the
 * Pid it aimed at; whether it hit is decided afterwards from that process's exit reason, so a
 * fault that found its target already dying is not counted.
 */
final class FaultInjector {

	/** How long a crashing call may wait: the crash answers it at once. */
	private static final Duration CRASH_CALL_TIMEOUT = Duration.ofSeconds(5);

	/** A dynamic supervisor call has no timeout; this is only the watchdog's yardstick. */
	private static final Duration START_CHILD_LIMIT = Duration.ofSeconds(20);

	/** The kinds of fault. */
	enum Kind {

		/** {@code exit(pid, kill)}: untrappable, the process exits {@code killed}. */
		KILL,

		/** A call whose handler throws: the caller gets a {@code ProcessExitException} at once (R11.2). */
		CRASH_CALL,

		/** A cast whose handler throws. */
		CRASH_CAST,

		/** A cast that keeps the handler busy, parked, for 20–100 ms. */
		SLOW,

		/** A kill of a static supervisor: its children die through their links (R13.1). */
		KILL_SUPERVISOR

	}

	/**
	 * One fault.
	 * @param pid the process it aimed at
	 * @param marker for crashes, the exception the handler throws; else {@code null}
	 * @param delivered whether the runtime took it (a kill of a live process, an accepted cast)
	 */
	record Fault(Kind kind, Member target, Pid pid, InjectedFault marker, boolean delivered) {

		/** Whether this fault, and not something else, ended its target. */
		boolean hit(OtpRuntime runtime) {
			ExitReason reason = runtime.exitReason(this.pid).orElse(null);
			return switch (this.kind) {
				case KILL, KILL_SUPERVISOR -> this.delivered && ExitReason.KILLED.equals(reason);
				case CRASH_CALL, CRASH_CAST -> reason instanceof ExitReason.Crash crash && crash.cause() == this.marker;
				case SLOW -> false;
			};
		}

		/** Whether the target is certain to exit, sooner or later, because of or despite this fault. */
		boolean endsTarget() {
			return this.delivered && this.kind != Kind.SLOW;
		}

	}

	private final OtpRuntime runtime;

	private final ChaosTree tree;

	private final Watchdog.Slot slot;

	private final SoakFigures figures;

	private final CountDownLatch stopped;

	private final List<Fault> faults = new ArrayList<>();

	private long number;

	FaultInjector(OtpRuntime runtime, ChaosTree tree, Watchdog watchdog, SoakFigures figures, CountDownLatch stopped) {
		this.runtime = runtime;
		this.tree = tree;
		this.slot = watchdog.slot("fault injector");
		this.figures = figures;
		this.stopped = stopped;
	}

	/** Injects faults, a few milliseconds apart, until {@code stopped} opens. */
	void run() {
		try {
			while (!this.stopped.await(ThreadLocalRandom.current().nextInt(1, 4), TimeUnit.MILLISECONDS)) {
				injectOne();
				replaceLostTemporaries();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The faults injected, in order; read once {@link #run()} has returned. */
	List<Fault> faults() {
		return List.copyOf(this.faults);
	}

	/** How many faults of each kind were injected. */
	Map<Kind, Integer> injected() {
		Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
		this.faults.forEach((fault) -> counts.merge(fault.kind(), 1, Integer::sum));
		return counts;
	}

	private void injectOne() {
		int dice = ThreadLocalRandom.current().nextInt(100);
		Kind kind = (dice < 2) ? Kind.KILL_SUPERVISOR : (dice < 37) ? Kind.KILL : (dice < 62) ? Kind.CRASH_CALL
				: (dice < 82) ? Kind.CRASH_CAST : Kind.SLOW;
		Member target = (kind == Kind.KILL_SUPERVISOR)
				? this.tree.member(ThreadLocalRandom.current().nextBoolean() ? ChaosTree.ALL : ChaosTree.REST)
				: this.tree.randomLeaf();
		if (kind == Kind.CRASH_CAST && target.drops()) {
			kind = Kind.CRASH_CALL; // a dropped cast would leave no trace to account for
		}
		Pid pid = this.runtime.whereis(target.name());
		if (pid == null) {
			this.figures.missedFaults.increment(); // between two lives, or a temporary gone for good
			return;
		}
		InjectedFault marker = new InjectedFault(++this.number);
		boolean delivered = switch (kind) {
			case KILL, KILL_SUPERVISOR -> this.runtime.exit(pid, ExitReason.KILL);
			case CRASH_CALL -> crashCall(pid, marker);
			case CRASH_CAST -> cast(pid, new SoakServer.Crash(marker));
			case SLOW -> cast(pid, new SoakServer.Busy(TimeUnit.MILLISECONDS.toNanos(
					ThreadLocalRandom.current().nextInt(20, 101))));
		};
		this.faults.add(new Fault(kind, target, pid, marker, delivered));
	}

	/** A crashing call is never answered: it fails, typed, at once (R11.2) — or finds nobody. */
	private boolean crashCall(Pid pid, InjectedFault marker) {
		this.slot.begin("crash call to " + pid, CRASH_CALL_TIMEOUT);
		try {
			Object reply = GenServer.call(pid, new SoakServer.Crash(marker), CRASH_CALL_TIMEOUT);
			this.figures.unexpected("a crashing call to " + pid + " was answered with " + reply, null);
			return true;
		}
		catch (NoProcessException | MailboxFullException ex) {
			return false;
		}
		catch (CallException ex) {
			return true;
		}
		catch (RuntimeException ex) {
			this.figures.unexpected("crash call to " + pid, ex);
			return false;
		}
		finally {
			this.slot.end();
		}
	}

	/** Casts never fail (R11.7), except on a full bounded mailbox. */
	private boolean cast(Pid pid, Object request) {
		try {
			GenServer.cast(pid, request);
			return true;
		}
		catch (MailboxFullException ex) {
			return false;
		}
	}

	private void replaceLostTemporaries() {
		if (this.tree.liveTemporaries().size() < ChaosTree.DYNAMIC_EACH) {
			this.slot.begin("start a temporary child", START_CHILD_LIMIT);
			try {
				this.tree.startTemporary();
			}
			finally {
				this.slot.end();
			}
		}
	}

}
