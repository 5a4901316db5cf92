package dev.otpspring.genserver;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

import dev.otpspring.process.BriefWait;
import dev.otpspring.process.ExitListener;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Scheduler;

/**
 * The starter's side of a synchronous start: {@code init} completes it from inside the new
 * process when it succeeds, ignores or returns an error; when the process exits instead ({@code
 * init} raised, returned stop, or was killed), the watch completes it.
 */
final class StartAck implements ExitListener {

	private static final VarHandle RESULT;

	static {
		try {
			RESULT = MethodHandles.lookup().findVarHandle(StartAck.class, "result", StartResult.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	/** Marks a start the starter gave up on, so a late acknowledgement is ignored. */
	private static final StartResult GAVE_UP = new StartResult.Error(ExitReason.of("timeout"));

	private final Thread starter = Thread.currentThread();

	@SuppressWarnings("unused") // accessed through RESULT
	private volatile StartResult result;

	private volatile StartResult onExit;

	void complete(StartResult outcome) {
		if (RESULT.compareAndSet(this, null, outcome)) {
			LockSupport.unpark(this.starter);
		}
	}

	/**
	 * What {@code init} says just before it exits: the starter gets it when the exit is seen, so
	 * a starter linked to the process is hit by the exit signal first (R6.5).
	 */
	void answerOnExit(StartResult outcome) {
		this.onExit = outcome;
	}

	@Override
	public void exited(Pid pid, ExitReason reason) {
		StartResult answer = this.onExit;
		// The answer wins over the reason the watch reports: a watch set up after the exit says noproc.
		complete((answer != null) ? answer : new StartResult.Error(reason));
	}

	/** The outcome, or {@code null} if the deadline passed (or the starter was interrupted) first. */
	StartResult await(OtpRuntime runtime, Pid starting, long deadline) {
		Scheduler scheduler = runtime.scheduler();
		// Most inits are quick: no park, no timed wake-up.
		BriefWait.until(() -> this.result != null, () -> runtime.isBusy(starting));
		for (;;) {
			StartResult outcome = this.result;
			if (outcome != null) {
				return outcome;
			}
			if (scheduler.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
				return RESULT.compareAndSet(this, null, GAVE_UP) ? null : this.result;
			}
			scheduler.parkUntil(deadline);
		}
	}

}
