package dev.otpspring.supervisor;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.ManualScheduler;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessInfo;
import dev.otpspring.process.Scheduler;

/**
 * One runtime per test, with a {@link ChildProbe}, an {@link EventCollector} and the helpers
 * supervisor tests share: start a supervisor, look a child up, wait for its next incarnation,
 * make it exit, watch a process's exit reason. {@link #close()} kills what the test left running.
 * <p>
 * By default time is a {@link ManualScheduler} that never moves unless the test moves it, so a
 * restart window never expires behind a test's back.
 */
final class SupervisionKit implements AutoCloseable {

	/** How long any wait may take before the test fails; never an expectation about speed. */
	static final Duration PATIENCE = Duration.ofSeconds(15);

	final OtpRuntime runtime;

	final ChildProbe probe = new ChildProbe();

	final EventCollector events;

	private final Map<Pid, CompletableFuture<ExitReason>> exits = new ConcurrentHashMap<>();

	private final List<Pid> supervisors = new CopyOnWriteArrayList<>();

	private SupervisionKit(Scheduler scheduler) {
		this.runtime = OtpRuntime.builder().scheduler(scheduler).build();
		this.events = new EventCollector(this.runtime);
	}

	/** Time stands still unless the test advances {@code clock}. */
	static SupervisionKit withClock(Scheduler clock) {
		return new SupervisionKit(clock);
	}

	/** A manual clock the test never needs to touch. */
	static SupervisionKit withFrozenClock() {
		return new SupervisionKit(new ManualScheduler());
	}

	/** Real time: for shutdown timeouts that must expire on their own. */
	static SupervisionKit withSystemClock() {
		return new SupervisionKit(Scheduler.system());
	}

	/** Awaitility with a short poll interval and {@link #PATIENCE}. */
	static ConditionFactory eventually() {
		return Awaitility.await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
	}

	// ---- supervisors --------------------------------------------------------------------------------

	/** Starts a supervisor that must start, and watches its exit. */
	Supervisor start(SupervisorSpec spec) {
		return Supervisor.of(started(Supervisor.start(this.runtime, spec)));
	}

	/** Starts a dynamic supervisor that must start, and watches its exit. */
	DynamicSupervisor startDynamic(DynamicSupervisorSpec spec) {
		return DynamicSupervisor.of(started(DynamicSupervisor.start(this.runtime, spec)));
	}

	private Pid started(StartResult result) {
		Pid pid = result.pid();
		watch(pid);
		this.supervisors.add(pid);
		return pid;
	}

	static Pid pid(Supervisor supervisor) {
		return (Pid) supervisor.ref();
	}

	static Pid pid(DynamicSupervisor supervisor) {
		return (Pid) supervisor.ref();
	}

	/** The child with this id, or {@code null} if the supervisor has none. */
	static ChildInfo child(Supervisor supervisor, Object id) {
		return supervisor.whichChildren()
			.stream()
			.filter((child) -> id.equals(child.id()))
			.findFirst()
			.orElse(null);
	}

	/** The running process of child {@code id}, or {@code null}. */
	static Pid pidOf(Supervisor supervisor, Object id) {
		ChildInfo child = child(supervisor, id);
		return (child != null) ? child.pid() : null;
	}

	/** The pids of the running children, by id. */
	static Map<Object, Pid> pids(Supervisor supervisor) {
		Map<Object, Pid> pids = new HashMap<>();
		for (ChildInfo child : supervisor.whichChildren()) {
			if (child.pid() != null) {
				pids.put(child.id(), child.pid());
			}
		}
		return pids;
	}

	/** Waits until child {@code id} runs as a process other than {@code old}, and returns it. */
	static Pid awaitNewPid(Supervisor supervisor, Object id, Pid old) {
		return eventually().until(() -> pidOf(supervisor, id), (pid) -> pid != null && !pid.equals(old));
	}

	// ---- making processes exit ----------------------------------------------------------------------

	/** Makes a test worker throw: it exits with a crash (asynchronously). */
	void crash(Pid worker) {
		watch(worker);
		GenServer.cast(worker, new TestWorker.Crash());
	}

	/** Makes a test worker stop with {@code reason} (asynchronously). */
	void stopWith(Pid worker, ExitReason reason) {
		watch(worker);
		GenServer.cast(worker, new TestWorker.StopWith(reason));
	}

	/** Kills a process at once: it exits {@code killed}. */
	void kill(Pid pid) {
		watch(pid);
		this.runtime.exit(pid, ExitReason.KILL);
	}

	// ---- exits ----------------------------------------------------------------------------------------

	/**
	 * Starts watching {@code pid} (if not yet) and returns its exit reason to come. Watch before
	 * the process can exit: a watch on a dead process reports {@code noproc}.
	 */
	CompletableFuture<ExitReason> watch(Pid pid) {
		return this.exits.computeIfAbsent(pid, (key) -> {
			CompletableFuture<ExitReason> exit = new CompletableFuture<>();
			this.runtime.watch(pid, (exited, reason) -> exit.complete(reason));
			return exit;
		});
	}

	/** Waits for {@code pid} to exit and returns the reason (see {@link #watch}). */
	ExitReason awaitExit(Pid pid) {
		return await(watch(pid));
	}

	/** Waits for a result computed elsewhere. */
	static <T> T await(CompletableFuture<T> future) {
		try {
			return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new AssertionError("failed: " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException | InterruptedException ex) {
			throw new AssertionError("no result within " + PATIENCE, ex);
		}
	}

	/** Runs {@code work} on another thread: for a call that will block until the test lets it through. */
	static <T> CompletableFuture<T> inBackground(Callable<T> work) {
		CompletableFuture<T> result = new CompletableFuture<>();
		Thread.ofPlatform().daemon().name("test-client").start(() -> {
			try {
				result.complete(work.call());
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		});
		return result;
	}

	/**
	 * Waits until {@code pid} has {@code depth} messages queued: proof that requests sent from other
	 * threads are in line before whatever the process sends itself next.
	 */
	void awaitMailboxDepth(Pid pid, int depth) {
		eventually().until(() -> this.runtime.info(pid).map(ProcessInfo::mailboxDepth).orElse(-1), (queued) -> queued >= depth);
	}

	/**
	 * Crashes {@code worker}, whose id is {@code id}, and holds its first restart attempt, which
	 * will fail; {@code request} is sent from another thread while the attempt is held, so the
	 * supervisor serves it before the retry it sends itself (R5.5).
	 * @return what the request returns
	 */
	<T> CompletableFuture<T> crashAndQueueBeforeTheRetry(Pid supervisor, String id, Pid worker, Callable<T> request)
			throws InterruptedException {
		this.probe.script(id, ChildProbe.Outcome.FAIL_INIT);
		Gate attempt = this.probe.holdNextStart(id);
		crash(worker);
		attempt.awaitEntered();
		CompletableFuture<T> result = inBackground(request);
		awaitMailboxDepth(supervisor, 1);
		attempt.release();
		return result;
	}

	/** Lets every held start through and kills the supervisors the test left running. */
	@Override
	public void close() throws Exception {
		this.probe.releaseAll();
		for (Pid supervisor : this.supervisors) {
			this.runtime.exit(supervisor, ExitReason.KILL);
		}
		this.events.close();
		this.runtime.close();
	}

}
