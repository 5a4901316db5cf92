package dev.otpspring.process;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process: a mailbox, a handler holding the private state, and the bookkeeping for links,
 * monitors and exit.
 * <p>
 * <b>No thread while idle.</b> A send to an idle process flips it to scheduled and starts one
 * virtual thread that drains the mailbox and then ends; there is never more than one runner per
 * process, so the handler's state is touched by one thread at a time and needs no locks.
 * <p>
 * <b>Exit</b> happens once, at the compare-and-set of {@code exitReason}. It may be caused by
 * the runner (a crash, a stop) or by another thread (a kill or a link). The exiting thread
 * unregisters the name, closes the mailbox, signals links, and only then releases the callers
 * still waiting on it and tells observers. A runner busy in a handler when killed is interrupted and left
 * to finish as a zombie whose sends are dropped: the JVM cannot pre-empt it (SEMANTICS §5).
 * <p>
 * <b>Locking.</b> {@code synchronized (this)} guards only {@link Relations} and the registered
 * name, for a few field writes; nothing blocks while holding it.
 */
final class ProcessCell implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(ProcessCell.class);

	private static final ThreadLocal<ProcessCell> CURRENT = new ThreadLocal<>();

	/** Messages handled before a runner yields its carrier, so a busy process cannot starve others. */
	private static final int FAIRNESS_BATCH = 256;

	/** How often an idle runner yields, waiting for one more message, before it ends. */
	private static final int LINGER_YIELDS = 4;

	private static final byte MAX_LINGER_CREDIT = 3;

	/** A process that stopped lingering tries again every 32 runs. */
	private static final int LINGER_RETRY_MASK = 31;

	private static final int IDLE = 0;

	private static final int SCHEDULED = 1;

	private static final VarHandle RUN_STATE;

	private static final VarHandle EXIT_REASON;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			RUN_STATE = lookup.findVarHandle(ProcessCell.class, "runState", int.class);
			EXIT_REASON = lookup.findVarHandle(ProcessCell.class, "exitReason", ExitReason.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	final OtpRuntime runtime;

	final Pid pid;

	private final Mailbox mailbox;

	/** Until the first run; then {@code null}. */
	private ProcessBody body;

	/** Runner-only. */
	private MessageHandler handler;

	/** Runner-only: set by {@link Self#exit}, applied when the current handler returns. */
	private ExitReason requestedExit;

	/** Runner-only writes; read racily for {@link ProcessInfo}. */
	private long messagesProcessed;

	/** Runner-only: how much lingering has paid off lately; see {@link #linger()}. */
	private byte lingerCredit = 1;

	/** Runner-only: counts runs without lingering, to try again every so often. */
	private byte lingerRetry;

	@SuppressWarnings("unused") // accessed through RUN_STATE
	private volatile int runState = SCHEDULED;

	@SuppressWarnings("unused") // accessed through EXIT_REASON
	private volatile ExitReason exitReason;

	private volatile Thread runner;

	private volatile boolean trapExit;

	/** The process whose reply this one is blocked on, for deadlock diagnostics; see {@link Self#awaitingReplyFrom}. */
	private volatile Pid awaiting;

	/** Guarded by this. */
	private volatile Object registeredName;

	/** Guarded by this; created on the first link or monitor. */
	private Relations relations;

	ProcessCell(OtpRuntime runtime, ProcessBody body, MailboxLimits mailboxLimits) {
		this.runtime = runtime;
		this.body = body;
		this.mailbox = new Mailbox(mailboxLimits);
		this.pid = new Pid(this);
	}

	static ProcessCell current() {
		return CURRENT.get();
	}

	// ---- running -------------------------------------------------------------------------------

	/** Starts the first run, which executes the body; the cell was created scheduled. */
	void start() {
		this.runtime.startRunner(this);
	}

	@Override
	public void run() {
		if (this.exitReason != null) {
			return;
		}
		Thread thread = Thread.currentThread();
		this.runner = thread;
		CURRENT.set(this);
		try {
			if (this.exitReason != null || (this.handler == null && !startHandler())) {
				return;
			}
			drain(thread);
		}
		finally {
			CURRENT.remove();
			if (this.exitReason != null) {
				this.handler = null;
			}
		}
	}

	private boolean startHandler() {
		ProcessBody start = this.body;
		this.body = null;
		try {
			this.handler = start.start();
			if (this.handler == null) {
				throw new IllegalStateException("ProcessBody.start() returned null instead of a MessageHandler");
			}
		}
		catch (Throwable ex) {
			crash(ex, null);
			return false;
		}
		return !applyRequestedExit();
	}

	private void drain(Thread thread) {
		int handled = 0;
		long batch = 0;
		try {
			for (;;) {
				Object message;
				while (this.exitReason == null && (message = this.mailbox.poll()) != null) {
					dispatch(message);
					if (this.exitReason == null) {
						this.mailbox.done();
					}
					// else: ended while handling it, maybe by another thread that is about to close the
					// mailbox. The message stays in place so that close() still finds it and releases
					// its caller: this zombie's own reply, if any, was dropped.
					this.messagesProcessed++;
					batch++;
					if (++handled == FAIRNESS_BATCH) {
						handled = 0;
						Thread.yield();
					}
				}
				if (this.exitReason != null) {
					return;
				}
				if (linger()) {
					continue;
				}
				if (this.mailbox.warned) {
					this.mailbox.warned = false; // emptied: warn again next time it fills up
				}
				// Release ownership, then look again: a sender that saw SCHEDULED did not start a runner.
				this.runner = null;
				RUN_STATE.setVolatile(this, IDLE);
				if (this.mailbox.isEmpty() || !RUN_STATE.compareAndSet(this, IDLE, SCHEDULED)) {
					return;
				}
				this.runner = thread;
			}
		}
		finally {
			this.runtime.messagesHandled(batch); // once per run, not per message: a shared counter is costly
		}
	}

	/**
	 * Before giving its thread up, a runner yields its carrier a few times in case another message
	 * is about to come — typically the next call of a caller it just answered — which saves ending
	 * this virtual thread and starting another. Adaptive: a process whose lingering found nothing
	 * stops lingering (and tries again now and then), so an idle process costs no CPU.
	 */
	private boolean linger() {
		if (this.lingerCredit == 0) {
			if ((++this.lingerRetry & LINGER_RETRY_MASK) != 0) {
				return false;
			}
			this.lingerCredit = 1;
		}
		for (int i = 0; i < LINGER_YIELDS; i++) {
			Thread.yield();
			if (!this.mailbox.isEmpty()) {
				if (this.lingerCredit < MAX_LINGER_CREDIT) {
					this.lingerCredit++;
				}
				return true;
			}
		}
		this.lingerCredit--;
		return false;
	}

	private void dispatch(Object message) {
		if (message instanceof Down down && down.monitor().watcher() == this && !down.monitor().claim()) {
			return; // demonitored: the Down must not be seen (flush semantics)
		}
		try {
			this.handler.handle(message);
		}
		catch (Throwable ex) {
			crash(ex, message);
			return;
		}
		applyRequestedExit();
	}

	private boolean applyRequestedExit() {
		ExitReason reason = this.requestedExit;
		if (reason == null) {
			return false;
		}
		exitWith(reason);
		return true;
	}

	private void crash(Throwable ex, Object lastMessage) {
		if (this.exitReason != null) {
			return; // a zombie unwinding after a kill: the exit is already reported by whoever killed it
		}
		if (logger.isErrorEnabled()) {
			logger.error("Process {}{} terminating\n** Reason: {}\n** Last message: {}", this.pid,
					(this.registeredName != null) ? " (" + this.registeredName + ")" : "",
					ExitReason.crash(ex), (lastMessage != null) ? lastMessage.getClass().getName() : "none", ex);
		}
		exitWith(ExitReason.crash(ex));
	}

	// ---- sending --------------------------------------------------------------------------------

	/**
	 * Delivers a message.
	 * @return false if the process has exited, or its full mailbox dropped the message (a dead letter)
	 * @throws MailboxFullException if a bounded mailbox is full and rejects, or the message is a
	 * request (a call cannot be dropped silently: its caller would wait for nothing)
	 */
	boolean offer(Object message) {
		return switch (this.mailbox.offer(message, false)) {
			case ACCEPTED -> {
				accepted();
				yield true;
			}
			case CLOSED -> false;
			case FULL -> {
				if (this.mailbox.limits.overflow() == MailboxLimits.Overflow.DROP && !(message instanceof ExpectsReply)) {
					yield false;
				}
				throw new MailboxFullException(this.pid, this.registeredName, message);
			}
		};
	}

	/** Delivers a runtime message (exit signal, DOWN), which a bounded mailbox never refuses. */
	void offerSystem(Object message) {
		if (this.mailbox.offer(message, true) == Mailbox.Offer.ACCEPTED) {
			accepted();
		}
		else {
			this.runtime.deadLetters(1);
		}
	}

	private void accepted() {
		int warningDepth = this.mailbox.limits.warningDepth();
		if (warningDepth > 0 && !this.mailbox.warned && this.mailbox.depth() >= warningDepth) {
			this.mailbox.warned = true;
			logger.warn("The mailbox of {} has {} messages waiting (warning depth {}): it receives faster than it handles",
					this, this.mailbox.depth(), warningDepth);
		}
		schedule();
	}

	private void schedule() {
		if ((int) RUN_STATE.getVolatile(this) == IDLE && RUN_STATE.compareAndSet(this, IDLE, SCHEDULED)) {
			this.runtime.startRunner(this);
		}
	}

	// ---- exit ---------------------------------------------------------------------------------------

	boolean isAlive() {
		return this.exitReason == null;
	}

	ExitReason exitReason() {
		return this.exitReason;
	}

	/** Called by the runner: exit once the current handler returns. */
	void requestExit(ExitReason reason) {
		if (this.requestedExit == null) {
			this.requestedExit = reason;
		}
	}

	/**
	 * Ends the process with {@code reason}, from any thread.
	 * @return true if this call ended it; false if it had already exited
	 */
	boolean exitWith(ExitReason reason) {
		if (!EXIT_REASON.compareAndSet(this, null, reason)) {
			return false;
		}
		this.runtime.processExited(); // counted out before anyone can observe the exit
		Object name;
		Relations ended;
		synchronized (this) {
			name = this.registeredName;
			this.registeredName = null;
			ended = this.relations;
			this.relations = null;
		}
		if (name != null) {
			this.runtime.registry().remove(name, this); // before any DOWN is seen (R15.3)
		}
		List<ExpectsReply> waiting = new ArrayList<>();
		long unread = this.mailbox.close((message) -> {
			if (message instanceof ExpectsReply request) {
				waiting.add(request);
			}
		});
		Thread busy = this.runner;
		if (busy != null && busy != Thread.currentThread()) {
			busy.interrupt(); // a blocked zombie wakes up; a busy one is ignored from now on
		}
		MessageHandler exiting = this.handler;
		if (exiting != null) {
			exiting.exited(reason);
		}
		if (RUN_STATE.compareAndSet(this, IDLE, SCHEDULED)) {
			// No runner exists and none can start (the mailbox is closed): drop the state now, so a
			// Pid kept for its history does not keep a dead process's data alive.
			this.handler = null;
			this.body = null;
		}
		this.runtime.deadLetters(unread);
		if (ended == null) {
			if (!waiting.isEmpty()) {
				// A notice, so that inside a cascade it still waits for the link signals queued there.
				ExitCascade.notice(() -> releaseCallers(waiting, reason));
			}
			return true;
		}
		for (MonitorRef held : ended.monitors()) {
			held.target().cell.removeObserver(held); // as Erlang does: a dead process monitors nothing
		}
		ExitCascade.of(() -> {
			for (ProcessCell linked : ended.links()) {
				ExitCascade.signal(() -> linked.exitSignal(this, reason, true));
			}
			// Callers are released only after the link signals: a linked caller that does not trap
			// exits must die through the link, not catch the call's failure first (R11.4).
			if (!waiting.isEmpty()) {
				ExitCascade.notice(() -> releaseCallers(waiting, reason));
			}
			for (ExitObserver observer : ended.observers()) {
				ExitCascade.notice(() -> notify(observer, reason));
			}
		});
		return true;
	}

	private void releaseCallers(List<ExpectsReply> waiting, ExitReason reason) {
		for (ExpectsReply request : waiting) {
			request.receiverExited(this.pid, reason);
		}
	}

	/**
	 * Tells one observer of the exit. A watch's listener is user code: if it throws, the others
	 * must still hear of the exit, and whoever caused it (a kill, say) must not get the exception.
	 */
	private void notify(ExitObserver observer, ExitReason reason) {
		try {
			observer.processExited(this.pid, reason);
		}
		catch (RuntimeException ex) {
			logger.warn("An exit listener failed on the exit of {} with {}", this, reason, ex);
		}
	}

	/**
	 * An exit signal arrives (R1.3–R1.5, R13.x).
	 * @param from the sender, or {@code null} for a signal from outside any process
	 * @param viaLink whether it comes from a linked process's exit, rather than {@code exit/2}
	 */
	void exitSignal(ProcessCell from, ExitReason reason, boolean viaLink) {
		if (this.exitReason != null) {
			return;
		}
		if (viaLink && !removeLink(from)) {
			return; // unlinked in the meantime: the signal no longer applies
		}
		if (!viaLink && reason instanceof ExitReason.Kill) {
			exitWith(ExitReason.KILLED); // untrappable (R1.4)
		}
		else if (this.trapExit) {
			Exit exit = new Exit((from != null) ? from.pid : null, reason);
			ExitCascade.notice(() -> offerSystem(exit));
		}
		else if (!(reason instanceof ExitReason.Normal)) {
			exitWith(reason);
		}
	}

	// ---- links and observers -------------------------------------------------------------------

	/** Records a link to {@code other}; false if this process has already exited. */
	boolean addLink(ProcessCell other) {
		synchronized (this) {
			if (this.exitReason != null) {
				return false;
			}
			relations().addLink(other);
			return true;
		}
	}

	boolean removeLink(ProcessCell other) {
		synchronized (this) {
			if (this.relations == null || !this.relations.removeLink(other)) {
				return false;
			}
			dropRelationsIfEmpty();
			return true;
		}
	}

	boolean isLinkedTo(ProcessCell other) {
		synchronized (this) {
			return this.relations != null && this.relations.hasLink(other);
		}
	}

	/** Adds an observer, or tells it {@code noproc} at once if this process has exited (R13.4). */
	void addObserver(ExitObserver observer) {
		synchronized (this) {
			if (this.exitReason == null) {
				relations().addObserver(observer);
				return;
			}
		}
		observer.processExited(this.pid, ExitReason.NOPROC);
	}

	void removeObserver(ExitObserver observer) {
		synchronized (this) {
			if (this.relations != null) {
				this.relations.removeObserver(observer);
				dropRelationsIfEmpty();
			}
		}
	}

	/**
	 * Records a monitor this process holds on another, for its exit to withdraw.
	 * @return false if this process has already exited
	 */
	boolean holdMonitor(MonitorRef monitor) {
		synchronized (this) {
			if (this.exitReason != null) {
				return false;
			}
			relations().addMonitor(monitor);
			return true;
		}
	}

	/** Forgets a monitor this process held: its target exited, or it was demonitored. */
	void releaseMonitor(MonitorRef monitor) {
		synchronized (this) {
			if (this.relations != null) {
				this.relations.removeMonitor(monitor);
				dropRelationsIfEmpty();
			}
		}
	}

	/** An idle process should cost as little as possible: most have no relation at all. */
	private void dropRelationsIfEmpty() {
		if (this.relations.isEmpty()) {
			this.relations = null;
		}
	}

	private Relations relations() {
		if (this.relations == null) {
			this.relations = new Relations();
		}
		return this.relations;
	}

	// ---- flags and names -------------------------------------------------------------------------

	boolean trapExit(boolean trap) {
		boolean previous = this.trapExit;
		this.trapExit = trap;
		return previous;
	}

	boolean isTrappingExits() {
		return this.trapExit;
	}

	void awaiting(Pid server) {
		this.awaiting = server;
	}

	Pid awaiting() {
		return this.awaiting;
	}

	/**
	 * Registers this process under {@code name} (R15.x). Under this cell's lock, so an exit either
	 * sees the name and releases it, or happens first and the registration fails.
	 */
	void register(Object name, Registry registry) {
		synchronized (this) {
			if (this.exitReason != null) {
				throw new NoProcessException(this.pid, "register it as '" + name + "'");
			}
			if (this.registeredName != null) {
				throw new IllegalStateException(
						this.pid + " is already registered as '" + this.registeredName + "'; a process has one name");
			}
			registry.claim(name, this);
			this.registeredName = name;
		}
	}

	boolean clearName(Object name) {
		synchronized (this) {
			if (name.equals(this.registeredName)) {
				this.registeredName = null;
				return true;
			}
			return false;
		}
	}

	Object registeredName() {
		return this.registeredName;
	}

	// ---- introspection ---------------------------------------------------------------------------

	ProcessInfo info() {
		List<Pid> links;
		int monitors;
		synchronized (this) {
			links = (this.relations != null) ? this.relations.links().stream().map((cell) -> cell.pid).toList() : List.of();
			monitors = (this.relations != null) ? this.relations.observerCount() : 0;
		}
		return new ProcessInfo(this.pid, this.registeredName, status(), this.mailbox.depth(), this.messagesProcessed,
				this.trapExit, links, monitors, this.awaiting);
	}

	ProcessStatus status() {
		if (this.exitReason != null) {
			return ProcessStatus.EXITED;
		}
		if (this.runner != null) {
			return ProcessStatus.RUNNING;
		}
		return ((int) RUN_STATE.getVolatile(this) == SCHEDULED) ? ProcessStatus.RUNNABLE : ProcessStatus.WAITING;
	}

	int mailboxDepth() {
		return this.mailbox.depth();
	}

	@Override
	public String toString() {
		return "Process " + this.pid + ((this.registeredName != null) ? " (" + this.registeredName + ")" : "");
	}

}
