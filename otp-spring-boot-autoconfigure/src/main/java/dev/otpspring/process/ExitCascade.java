package dev.otpspring.process;

import java.util.ArrayDeque;

/**
 * Runs the consequences of an exit on the thread that ends the process, in an order that keeps
 * supervisors sane: first every exit it causes — linked processes that do not trap exits end at
 * once, transitively, releasing their names — and only then every notice: {@link Exit} messages
 * to processes that trap exits, {@link Down} messages, watches. A supervisor thus hears that a
 * child died only after that child's own linked processes are gone, so restarting it does not
 * find their names still taken.
 * <p>
 * Iterative, not recursive, so a long chain of links cannot overflow the stack. Thread-confined.
 */
final class ExitCascade {

	private static final ThreadLocal<ExitCascade> CURRENT = new ThreadLocal<>();

	private final ArrayDeque<Runnable> signals = new ArrayDeque<>();

	private final ArrayDeque<Runnable> notices = new ArrayDeque<>();

	private ExitCascade() {
	}

	/**
	 * Runs {@code consequences}, which queues the signals and notices of one exit, then — unless
	 * this thread is already inside a cascade, which will — carries them all out in order.
	 */
	static void of(Runnable consequences) {
		if (CURRENT.get() != null) {
			consequences.run();
			return;
		}
		ExitCascade cascade = new ExitCascade();
		CURRENT.set(cascade);
		try {
			consequences.run();
			cascade.drain();
		}
		finally {
			CURRENT.remove();
		}
	}

	/** Queues an exit signal to a linked process: it may end it, and so cause more signals. */
	static void signal(Runnable signal) {
		of(() -> CURRENT.get().signals.add(signal));
	}

	/** Queues a notice of an exit, a message or a callback, run once no signal is pending. */
	static void notice(Runnable notice) {
		of(() -> CURRENT.get().notices.add(notice));
	}

	private void drain() {
		for (;;) {
			Runnable next = this.signals.poll();
			if (next == null) {
				next = this.notices.poll();
			}
			if (next == null) {
				return;
			}
			next.run();
		}
	}

}
