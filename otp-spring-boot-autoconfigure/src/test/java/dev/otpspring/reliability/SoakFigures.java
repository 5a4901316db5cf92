package dev.otpspring.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients of a soak saw, counted by outcome. Lost calls — a wrong reply, an exception
 * no API documents, a call that hung — must stay at zero.
 */
final class SoakFigures {

	/** Keeps the first few problems in full; counting goes on regardless. */
	private static final int KEPT = 20;

	final LongAdder calls = new LongAdder();

	final LongAdder answered = new LongAdder();

	final LongAdder timedOut = new LongAdder();

	final LongAdder serverExited = new LongAdder();

	final LongAdder noProcess = new LongAdder();

	final LongAdder mailboxFull = new LongAdder();

	final LongAdder casts = new LongAdder();

	final LongAdder missedFaults = new LongAdder();

	final LongAdder wrongReplies = new LongAdder();

	final LongAdder unexpected = new LongAdder();

	private final Queue<String> problems = new ConcurrentLinkedQueue<>();

	void wrongReply(String call, Object reply) {
		this.wrongReplies.increment();
		keep(call + " got " + reply);
	}

	void unexpected(String what, Throwable ex) {
		this.unexpected.increment();
		StringWriter trace = new StringWriter();
		if (ex != null) {
			ex.printStackTrace(new PrintWriter(trace));
		}
		keep(what + ": " + trace);
	}

	private void keep(String problem) {
		if (this.problems.size() < KEPT) {
			this.problems.add(problem);
		}
	}

	/** The problems kept, in full. */
	List<String> problems() {
		return List.copyOf(this.problems);
	}

	/** Calls that neither got their own answer nor failed with a documented exception. */
	long lost() {
		return this.wrongReplies.sum() + this.unexpected.sum();
	}

	@Override
	public String toString() {
		return String.format("calls made %,d: answered %,d, timed out %,d, server exited %,d, no process %,d, "
				+ "mailbox full %,d; casts %,d; calls lost %,d (wrong replies %,d, undocumented failures %,d)",
				this.calls.sum(), this.answered.sum(), this.timedOut.sum(), this.serverExited.sum(),
				this.noProcess.sum(), this.mailboxFull.sum(), this.casts.sum(), lost(), this.wrongReplies.sum(),
				this.unexpected.sum());
	}

}
