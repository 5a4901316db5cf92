package dev.otpspring.process;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * A process's message queue: many producers, one consumer, FIFO, and closable.
 * <p>
 * Thread-safety: {@link #offer} may be called from any thread; {@link #poll}, {@link #done} and
 * {@link #isEmpty} only by the one runner that currently owns the process. {@link #close}
 * makes every later {@code offer} fail, which is how a send to a dead process is detected
 * without a lock. Each node carries a sequence number so the depth is a subtraction, not a walk.
 * <p>
 * The node that {@code head} points at holds the message being handled until {@link #done};
 * that lets {@link #close} find an in-flight call when a process is killed.
 */
final class Mailbox {

	private static final VarHandle TAIL;

	private static final VarHandle HEAD;

	private static final VarHandle NEXT;

	private static final Node CLOSED = new Node(null);

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			TAIL = lookup.findVarHandle(Mailbox.class, "tail", Node.class);
			HEAD = lookup.findVarHandle(Mailbox.class, "head", Node.class);
			NEXT = lookup.findVarHandle(Node.class, "next", Node.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@SuppressWarnings("unused") // accessed through TAIL
	private volatile Node tail;

	@SuppressWarnings("unused") // accessed through HEAD
	private volatile Node head;

	/** Shared by most mailboxes ({@link MailboxLimits#UNBOUNDED}), so it costs one reference. */
	final MailboxLimits limits;

	/** Set once the depth reached the warning depth; cleared when the mailbox is next empty. */
	volatile boolean warned;

	Mailbox(MailboxLimits limits) {
		Node stub = new Node(null);
		HEAD.setRelease(this, stub);
		TAIL.setRelease(this, stub);
		this.limits = limits;
	}

	/**
	 * Appends a message.
	 * @param ignoreCapacity whether a full bounded mailbox accepts it anyway (exit signals, DOWN)
	 * @return {@link Offer#ACCEPTED}, {@link Offer#CLOSED} if the process is gone, or
	 * {@link Offer#FULL} if a bounded mailbox is at capacity
	 */
	Offer offer(Object message, boolean ignoreCapacity) {
		Node node = new Node(message);
		int capacity = ignoreCapacity ? 0 : this.limits.capacity();
		for (;;) {
			Node last = (Node) TAIL.getAcquire(this);
			if (last == CLOSED) {
				return Offer.CLOSED;
			}
			if (capacity > 0 && last.seq - ((Node) HEAD.getAcquire(this)).seq >= capacity) {
				return Offer.FULL;
			}
			node.seq = last.seq + 1;
			if (TAIL.compareAndSet(this, last, node)) {
				// Volatile, not merely release: the sender reads the run state next, and the runner
				// going idle writes the run state and then reads this link (a store-load pair on
				// each side). With a weaker store both could miss the other and strand the message.
				NEXT.setVolatile(last, node);
				return Offer.ACCEPTED;
			}
		}
	}

	/** Takes the next message, or returns {@code null} when there is none (consumer only). */
	Object poll() {
		Node current = (Node) HEAD.getAcquire(this);
		Node next = (Node) NEXT.getAcquire(current);
		if (next == null) {
			return null;
		}
		HEAD.setRelease(this, next);
		return next.message;
	}

	/** Marks the message returned by the last {@link #poll} as handled (consumer only). */
	void done() {
		((Node) HEAD.getAcquire(this)).message = null;
	}

	/**
	 * Whether a poll would find nothing right now (consumer only). A volatile read, as it is the
	 * load half of the runner's store-load check when it goes idle (see {@link #offer}).
	 */
	boolean isEmpty() {
		return NEXT.getVolatile((Node) HEAD.getAcquire(this)) == null;
	}

	/** Messages queued and not yet taken; 0 once closed. Safe from any thread. */
	int depth() {
		Node last = (Node) TAIL.getAcquire(this);
		if (last == CLOSED) {
			return 0;
		}
		long depth = last.seq - ((Node) HEAD.getAcquire(this)).seq;
		return (int) Math.max(0, Math.min(Integer.MAX_VALUE, depth));
	}

	/**
	 * Refuses all further offers and reports every message still queued, plus the one being
	 * handled, to {@code action}. Safe from any thread: it only reads the chain of nodes, so a
	 * runner that is still handling a message is not disturbed.
	 * @return how many queued messages were never taken, or -1 if already closed
	 */
	long close(Consumer<Object> action) {
		Node last = (Node) TAIL.getAndSet(this, CLOSED);
		if (last == CLOSED) {
			return -1;
		}
		Node node = (Node) HEAD.getAcquire(this);
		long unread = last.seq - node.seq;
		for (;;) {
			Object message = node.message;
			if (message != null) {
				action.accept(message);
			}
			if (node == last) {
				return unread;
			}
			node = awaitNext(node);
		}
	}

	/** A producer that won its CAS links its node a moment later; wait for that moment. */
	private static Node awaitNext(Node node) {
		Node next;
		int spins = 0;
		while ((next = (Node) NEXT.getAcquire(node)) == null) {
			if (++spins < 100) {
				Thread.onSpinWait();
			}
			else {
				Thread.yield();
			}
		}
		return next;
	}

	/** The outcome of an {@link #offer}. */
	enum Offer {

		ACCEPTED, CLOSED, FULL

	}

	private static final class Node {

		/** Written before the node is published; cleared by the consumer once handled. */
		Object message;

		@SuppressWarnings("unused") // accessed through NEXT
		volatile Node next;

		long seq;

		Node(Object message) {
			this.message = message;
		}

	}

}
