package dev.otpspring.process;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * A set of processes with their registry and timers: the Java counterpart of an Erlang node.
 * <p>
 * Usable with {@code new} in a plain {@code main}; the Spring integration creates one as a bean.
 *
 * <pre>{@code
 * try (OtpRuntime runtime = OtpRuntime.create()) {
 *     Pid printer = runtime.spawn(() -> message -> System.out.println(message));
 *     runtime.send(printer, "hello");
 * }
 * }</pre>
 *
 * Thread-safe. Each process runs on a virtual thread only while it has messages; an idle process
 * costs a few hundred bytes and no thread.
 */
public final class OtpRuntime implements AutoCloseable {

	/** Timeouts this long or longer mean "no deadline" (and cannot overflow nanosecond arithmetic). */
	private static final Duration FOREVER = Duration.ofDays(365L * 100);

	private final Scheduler scheduler;

	private final boolean logStateInCrashReports;

	private final ThreadFactory runners = Thread.ofVirtual().name("otp-process").factory();

	private final Registry registry = new Registry();

	private final AtomicLong live = new AtomicLong();

	private final LongAdder spawned = new LongAdder();

	private final LongAdder deadLetters = new LongAdder();

	private final LongAdder messages = new LongAdder();

	private final ConcurrentHashMap<Class<?>, Object> extensions = new ConcurrentHashMap<>();

	private volatile boolean closed;

	private OtpRuntime(Builder builder) {
		this.scheduler = builder.scheduler;
		this.logStateInCrashReports = builder.logStateInCrashReports;
	}

	/** A runtime with the system scheduler and default settings. */
	public static OtpRuntime create() {
		return builder().build();
	}

	/** Starts configuring a runtime. */
	public static Builder builder() {
		return new Builder();
	}

	// ---- processes ------------------------------------------------------------------------------

	/** Starts a process running {@code body}; see {@link ProcessBody}. */
	public Pid spawn(ProcessBody body) {
		return spawn(body, SpawnOptions.DEFAULTS);
	}

	/** Starts a process linked to the calling process, atomically (spawn_link). */
	public Pid spawnLink(ProcessBody body) {
		return spawn(body, SpawnOptions.DEFAULTS.linked());
	}

	/**
	 * Starts a process.
	 * @throws NameAlreadyRegisteredException if {@code options} names a name that a live process
	 * holds; the new process then never runs
	 * @throws NotInProcessException if {@code options} asks for a link outside any process
	 * @throws NoProcessException if {@code options} asks for a link and the calling process has
	 * been killed while its handler still runs
	 */
	public Pid spawn(ProcessBody body, SpawnOptions options) {
		Objects.requireNonNull(body, "body must not be null");
		Objects.requireNonNull(options, "options must not be null");
		if (this.closed) {
			throw new IllegalStateException("This OtpRuntime is closed; no process can be spawned");
		}
		ProcessCell parent = null;
		if (options.link()) {
			parent = ProcessCell.current();
			if (parent == null) {
				throw new NotInProcessException("spawnLink");
			}
			if (!parent.isAlive()) {
				// A killed process still finishing its handler (a zombie): the child would die at
				// once of the link, but not before it held its name a moment, in the way of the
				// process that replaces the zombie's.
				throw new NoProcessException(parent.pid, "spawn a process linked to it");
			}
		}
		ProcessCell cell = new ProcessCell(this, body, options.mailbox());
		if (options.name() != null) {
			cell.register(options.name(), this.registry);
		}
		this.live.incrementAndGet();
		this.spawned.increment();
		if (parent != null) {
			cell.addLink(parent);
			if (!parent.addLink(cell)) {
				cell.exitSignal(parent, parent.exitReason(), true);
			}
		}
		cell.start();
		return cell.pid;
	}

	/**
	 * Sends {@code message}. To a Pid that has exited it is silently dropped and counted as a dead
	 * letter, as in Erlang; to a name nobody holds it fails.
	 * @return true if the message reached a live process's mailbox; false if it became a dead
	 * letter (also when the sender itself has been killed and is only finishing its handler)
	 * @throws NoProcessException if {@code to} is a name that is not registered
	 * @throws MailboxFullException if the receiver's bounded mailbox is full
	 */
	public boolean send(ProcessRef to, Object message) {
		Objects.requireNonNull(to, "destination must not be null");
		Objects.requireNonNull(message, () -> "message to " + to + " must not be null");
		ProcessCell sender = ProcessCell.current();
		if (sender != null && !sender.isAlive()) {
			return false; // a killed process still finishing its handler: its effects are void
		}
		ProcessCell cell = resolveCell(to);
		if (cell == null && to instanceof RegisteredName) {
			throw new NoProcessException(to, "send " + message.getClass().getName());
		}
		if (cell == null || !cell.offer(message)) {
			deadLetters(1);
			return false;
		}
		return true;
	}

	/**
	 * Sends an exit signal, Erlang's {@code exit(Pid, Reason)} (R1.4, R1.5): {@code KILL} ends
	 * the process with {@code killed} whatever it does; {@code normal} is ignored unless the
	 * process traps exits or signals itself; any other reason ends a process that does not trap
	 * exits and reaches one that does as an {@link Exit} message.
	 * @return false if the process had already exited
	 */
	public boolean exit(ProcessRef target, ExitReason reason) {
		Objects.requireNonNull(target, "target must not be null");
		Objects.requireNonNull(reason, "reason must not be null");
		ProcessCell cell = resolveCell(target);
		if (cell == null) {
			return false;
		}
		ProcessCell sender = ProcessCell.current();
		if (cell == sender && reason instanceof ExitReason.Normal && !cell.isTrappingExits()) {
			cell.exitWith(reason);
		}
		else {
			cell.exitSignal(sender, reason, false);
		}
		return true;
	}

	/** A snapshot of a live process, or empty if it has exited. */
	public Optional<ProcessInfo> info(Pid pid) {
		ProcessInfo info = pid.cell.info();
		return info.alive() ? Optional.of(info) : Optional.empty();
	}

	/** The process whose reply {@code pid} is blocked on in a call, or {@code null}: a cheap read for diagnostics. */
	public @Nullable Pid awaiting(Pid pid) {
		return pid.cell.awaiting();
	}

	/**
	 * Why {@code pid} exited, or empty while it is alive. Unlike a monitor set up after the fact,
	 * which sees {@code noproc} (R13.4), this tells the real reason.
	 */
	public Optional<ExitReason> exitReason(Pid pid) {
		return Optional.ofNullable(pid.cell.exitReason());
	}

	/** Whether a runner is handling {@code pid}'s messages right now: a hint for how to wait for it. */
	public boolean isBusy(Pid pid) {
		return pid.cell.status() == ProcessStatus.RUNNING;
	}

	/** Whether {@code pid} is still alive. */
	public boolean isAlive(Pid pid) {
		return pid.cell.isAlive();
	}

	// ---- registry -------------------------------------------------------------------------------

	/**
	 * Registers {@code pid} under {@code name} until it exits or is unregistered.
	 * @throws NameAlreadyRegisteredException if a live process holds the name
	 * @throws NoProcessException if {@code pid} has exited
	 * @throws IllegalStateException if {@code pid} already has a name
	 */
	public void register(Object name, Pid pid) {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(pid, "pid must not be null");
		pid.cell.register(name, this.registry);
	}

	/**
	 * Removes a registration.
	 * @return true if a live process held the name
	 */
	public boolean unregister(Object name) {
		Objects.requireNonNull(name, "name must not be null");
		return this.registry.unregister(name);
	}

	/** The live process registered under {@code name}, or {@code null}; never a dead Pid. */
	public @Nullable Pid whereis(Object name) {
		Objects.requireNonNull(name, "name must not be null");
		ProcessCell cell = this.registry.lookup(name);
		return (cell != null) ? cell.pid : null;
	}

	/** A reference that looks {@code name} up on every use, following the name across restarts. */
	public RegisteredName named(Object name) {
		return new RegisteredName(this, name);
	}

	/** The names registered to live processes. */
	public List<Object> registeredNames() {
		return this.registry.names();
	}

	// ---- timers and exits -----------------------------------------------------------------------

	/**
	 * Sends {@code message} to {@code to} after {@code delay}, on the shared scheduler (no thread
	 * per timer). A name is resolved when the timer fires; if nobody holds it then, the message is
	 * dropped.
	 * @throws IllegalStateException if this runtime is closed: its timers are stopped
	 */
	public TimerRef sendAfter(ProcessRef to, Object message, Duration delay) {
		Objects.requireNonNull(to, "destination must not be null");
		Objects.requireNonNull(message, "message must not be null");
		return this.scheduler.schedule(delay.toNanos(), () -> {
			ProcessCell cell = resolveCell(to);
			if (cell == null || !cell.offer(message)) {
				deadLetters(1);
			}
		});
	}

	/**
	 * Calls {@code listener} once when {@code pid} exits (at once with {@code noproc} if it already
	 * has): a monitor for code that is not a process.
	 */
	public Watch watch(Pid pid, ExitListener listener) {
		Objects.requireNonNull(listener, "listener must not be null");
		Watch watch = new Watch(pid.cell, listener);
		pid.cell.addObserver(watch);
		return watch;
	}

	/**
	 * Blocks until {@code pid} exits or {@code timeout} passes.
	 * @return the exit reason ({@code noproc} if it had already exited), or empty on timeout or
	 * interrupt
	 */
	public Optional<ExitReason> awaitExit(Pid pid, Duration timeout) {
		ExitWaiter waiter = new ExitWaiter(Thread.currentThread());
		Watch watch = watch(pid, waiter);
		long deadline = deadlineAfter(timeout);
		for (;;) {
			ExitReason reason = waiter.reason;
			if (reason != null) {
				return Optional.of(reason);
			}
			if (this.scheduler.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
				watch.cancel();
				return Optional.ofNullable(waiter.reason);
			}
			this.scheduler.parkUntil(deadline);
		}
	}

	/** The deadline {@code timeout} from now in {@link Scheduler#nanoTime()} terms, saturating. */
	public long deadlineAfter(Duration timeout) {
		long now = this.scheduler.nanoTime();
		long nanos = isUnbounded(timeout) ? Long.MAX_VALUE / 4 : timeout.toNanos();
		return now + nanos;
	}

	/** Whether {@code timeout} is so long it means "no timeout" (a hundred years or more). */
	public static boolean isUnbounded(Duration timeout) {
		return timeout.compareTo(FOREVER) >= 0;
	}

	// ---- observability --------------------------------------------------------------------------

	/** Processes alive now. */
	public long processCount() {
		return this.live.get();
	}

	/** Processes started since this runtime was created. */
	public long spawnCount() {
		return this.spawned.sum();
	}

	/** Messages sent to processes that had exited, or left unread in a mailbox at exit. */
	public long deadLetterCount() {
		return this.deadLetters.sum();
	}

	/** Messages handled by all processes since this runtime was created. */
	public long messageCount() {
		return this.messages.sum();
	}

	/** Timers pending on the scheduler. */
	public int timerCount() {
		return this.scheduler.pendingTimers();
	}

	/**
	 * A runtime-wide service of the given type, created on first use: how the layers above the
	 * process package (the supervisors' event stream, for one) attach state to a runtime without
	 * the runtime knowing them.
	 */
	public <T> T extension(Class<T> type, Function<OtpRuntime, ? extends T> factory) {
		return type.cast(this.extensions.computeIfAbsent(type, (key) -> factory.apply(this)));
	}

	/** The runtime's clock and timer service. */
	public Scheduler scheduler() {
		return this.scheduler;
	}

	/** Whether crash reports include the process state (off by default: state may hold secrets). */
	public boolean logStateInCrashReports() {
		return this.logStateInCrashReports;
	}

	/**
	 * Stops the timer thread and refuses new processes. Running processes are not stopped: shut
	 * down supervision trees first (the Spring integration does so in order).
	 */
	@Override
	public void close() {
		this.closed = true;
		this.scheduler.close();
	}

	// ---- internals -------------------------------------------------------------------------------

	Registry registry() {
		return this.registry;
	}

	void startRunner(ProcessCell cell) {
		this.runners.newThread(cell).start();
	}

	void processExited() {
		this.live.decrementAndGet();
	}

	void deadLetters(long count) {
		if (count > 0) {
			this.deadLetters.add(count);
		}
	}

	void messagesHandled(long count) {
		if (count > 0) {
			this.messages.add(count);
		}
	}

	static ProcessCell resolveCell(ProcessRef ref) {
		return switch (ref) {
			case Pid pid -> pid.cell.isAlive() ? pid.cell : null;
			case RegisteredName named -> named.runtime().registry.lookup(named.name());
		};
	}

	/** Wakes a thread blocked in {@link #awaitExit}. */
	private static final class ExitWaiter implements ExitListener {

		private final Thread thread;

		private volatile ExitReason reason;

		ExitWaiter(Thread thread) {
			this.thread = thread;
		}

		@Override
		public void exited(Pid pid, ExitReason reason) {
			this.reason = reason;
			LockSupport.unpark(this.thread);
		}

	}

	/** Configures an {@link OtpRuntime}. */
	public static final class Builder {

		private Scheduler scheduler;

		private boolean logStateInCrashReports;

		private Builder() {
		}

		/** The clock and timer service; default {@link Scheduler#system()}. */
		public Builder scheduler(Scheduler scheduler) {
			this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
			return this;
		}

		/** Whether crash reports log the process state; default false. */
		public Builder logStateInCrashReports(boolean logState) {
			this.logStateInCrashReports = logState;
			return this;
		}

		public OtpRuntime build() {
			if (this.scheduler == null) {
				this.scheduler = Scheduler.system();
			}
			return new OtpRuntime(this);
		}

	}

}
