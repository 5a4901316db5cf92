package dev.otpspring.supervisor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.process.ExitReason;

/**
 * Builds child specs of {@link TestWorker}s and records what happens to them: a shared log, start
 * attempts per child, and a script of outcomes for the next start attempts (start, a throwing
 * start function, a failing or ignoring {@code init}), optionally held at a {@link Gate}.
 * Thread-safe: supervisors and children write to it from their own threads.
 */
final class ChildProbe {

	/** What the next start attempt of a child does. */
	enum Outcome {

		/** Starts normally. */
		START,

		/** The start function throws before anything is spawned. */
		THROW,

		/** {@code init} returns {@code stop} with {@link #initFailure(String)}. */
		FAIL_INIT,

		/** {@code init} returns {@code ignore}. */
		IGNORE

	}

	/** The reason a scripted {@code init} failure stops with. */
	record InitFailed(String id) {
	}

	private final List<String> log = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private final Map<String, Queue<Outcome>> scripts = new ConcurrentHashMap<>();

	private final Map<String, Gate> gates = new ConcurrentHashMap<>();

	private final List<Gate> allGates = new CopyOnWriteArrayList<>();

	/** The exit reason of a {@link Outcome#FAIL_INIT} start of child {@code id}. */
	static ExitReason initFailure(String id) {
		return ExitReason.of(new InitFailed(id));
	}

	// ---- child specs ------------------------------------------------------------------------------

	/** A permanent worker registered under {@code id}, not trapping exits. */
	ChildSpec worker(String id) {
		return spec(id, TestWorker.Options.DEFAULT);
	}

	/** A permanent worker registered under {@code id} that traps exits, so its terminate runs. */
	ChildSpec trapping(String id) {
		return spec(id, TestWorker.Options.DEFAULT.trapping());
	}

	/** A trapping worker whose terminate runs {@code action} between its two log entries. */
	ChildSpec trapping(String id, TestWorker.TerminateAction action) {
		return spec(id, TestWorker.Options.DEFAULT.trapping().onTerminate(action));
	}

	/** A permanent worker with the given options. */
	ChildSpec spec(String id, TestWorker.Options options) {
		return ChildSpec.worker(id, start(id, options));
	}

	/**
	 * The start function of a test worker: counts the attempt, waits at a gate if one is set,
	 * then follows the next scripted outcome.
	 */
	ChildStart start(String id, TestWorker.Options options) {
		return () -> {
			this.attempts.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
			Gate gate = this.gates.remove(id);
			if (gate != null) {
				gate.pass();
			}
			Outcome outcome = nextOutcome(id);
			if (outcome == Outcome.THROW) {
				throw new IllegalStateException("start of " + id + " fails on purpose");
			}
			TestWorker worker = new TestWorker(id, this, options, outcome);
			return GenServer.startLink(worker, options.named() ? GenServerOptions.named(id) : GenServerOptions.DEFAULTS);
		};
	}

	// ---- scripting --------------------------------------------------------------------------------

	/** The next start attempts of {@code id} have these outcomes, in order; then they start normally. */
	void script(String id, Outcome... outcomes) {
		this.scripts.computeIfAbsent(id, (key) -> new ConcurrentLinkedQueue<>()).addAll(Arrays.asList(outcomes));
	}

	/** The next start attempt of {@code id} waits at the returned gate before it goes on. */
	Gate holdNextStart(String id) {
		Gate gate = new Gate();
		this.allGates.add(gate);
		this.gates.put(id, gate);
		return gate;
	}

	/** Releases every gate this probe handed out, so nothing stays blocked after a test. */
	void releaseAll() {
		this.allGates.forEach(Gate::release);
	}

	private Outcome nextOutcome(String id) {
		Queue<Outcome> script = this.scripts.get(id);
		Outcome next = (script != null) ? script.poll() : null;
		return (next != null) ? next : Outcome.START;
	}

	// ---- records ----------------------------------------------------------------------------------

	void record(String entry) {
		this.log.add(entry);
	}

	/** Everything recorded so far, in order. */
	List<String> log() {
		return List.copyOf(this.log);
	}

	/** The log entries that start with one of {@code prefixes}, in order. */
	List<String> entries(String... prefixes) {
		return entriesSince(0, prefixes);
	}

	/** Where the log ends now, for {@link #entriesSince}. */
	int mark() {
		return this.log.size();
	}

	/** The log entries after {@code mark} that start with one of {@code prefixes}, in order. */
	List<String> entriesSince(int mark, String... prefixes) {
		List<String> log = log();
		return log.subList(mark, log.size())
			.stream()
			.filter((entry) -> Arrays.stream(prefixes).anyMatch(entry::startsWith))
			.toList();
	}

	/** How many times the start function of {@code id} was called. */
	int attempts(String id) {
		AtomicInteger count = this.attempts.get(id);
		return (count != null) ? count.get() : 0;
	}

	/** How many times a process of {@code id} finished {@code init} successfully. */
	int starts(String id) {
		return (int) this.log.stream().filter(("started " + id)::equals).count();
	}

}
