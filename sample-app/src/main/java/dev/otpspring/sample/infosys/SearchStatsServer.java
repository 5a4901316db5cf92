package dev.otpspring.sample.infosys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.otpspring.genserver.CallResult;
import dev.otpspring.genserver.From;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.Init;
import dev.otpspring.genserver.NoReply;
import dev.otpspring.genserver.Reply;
import dev.otpspring.genserver.Result;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Self;

/**
 * Search statistics, written OTP-style: a {@link GenServerBehaviour} whose state is an immutable
 * {@link State} record and whose callbacks match on message records with {@code switch} — what an
 * Elixir developer writes as {@code handle_call}, {@code handle_cast} and {@code handle_info}.
 * <ul>
 * <li>{@link Record} (a cast) counts the outcome of one search per backend;</li>
 * <li>{@link GetSnapshot} (a call) answers a {@link Snapshot};</li>
 * <li>{@link Tick} (a plain message from a timer, so {@code handleInfo}) arrives every second: it
 * closes the current second of the one-minute window and arms the next tick.</li>
 * </ul>
 * It runs under {@code root}, declared with {@code @Bean @Supervised} in
 * {@link SearchStatsConfiguration}; {@link SearchStats} is its client API. Crash it and it restarts with
 * an uptime of zero and empty counts: state lives in the process and dies with it.
 */
public class SearchStatsServer implements GenServerBehaviour<SearchStatsServer.State> {

	private static final Logger logger = LoggerFactory.getLogger(SearchStatsServer.class);

	private static final Duration TICK = Duration.ofSeconds(1);

	private static final int WINDOW_SECONDS = 60;

	/** The messages this server understands: its protocol. */
	sealed interface Message permits Record, GetSnapshot, Tick {
	}

	/**
	 * Cast: one search finished.
	 * @param reports what each backend did
	 */
	record Record(List<BackendReport> reports) implements Message {
	}

	/** Call: answers a {@link Snapshot}. */
	record GetSnapshot() implements Message {
	}

	/** Info: one second has passed; sent by the server's own timer. */
	record Tick() implements Message {
	}

	@Override
	public Init<State> init() {
		scheduleTick();
		return Init.ok(State.INITIAL);
	}

	@Override
	public CallResult<State> handleCall(Object request, From from, State state) {
		return switch (request) {
			case GetSnapshot get -> new Reply<>(state.snapshot(), state);
			default -> throw new IllegalArgumentException("Unknown call " + request);
		};
	}

	@Override
	public Result<State> handleCast(Object request, State state) {
		return switch (request) {
			case Record record -> new NoReply<>(state.record(record.reports()));
			default -> throw new IllegalArgumentException("Unknown cast " + request);
		};
	}

	@Override
	public Result<State> handleInfo(Object message, State state) throws Exception {
		return switch (message) {
			case Tick tick -> {
				scheduleTick();
				yield new NoReply<>(state.tick());
			}
			default -> GenServerBehaviour.super.handleInfo(message, state); // logged and dropped, as in Elixir
		};
	}

	/** Runs when a callback crashes or the server is stopped — never when it is killed. */
	@Override
	public void terminate(ExitReason reason, State state) {
		logger.info("Search statistics stopping ({}) after {} s; a restart begins again from zero", reason,
				state.uptimeSeconds());
	}

	/**
	 * Arms the next tick. The timer is addressed to this incarnation's Pid, not to the name
	 * "stats": after a crash, the old incarnation's pending tick reaches nobody (a dead letter)
	 * instead of doubling the new incarnation's ticks.
	 */
	private static void scheduleTick() {
		Self.runtime().sendAfter(Self.pid(), new Tick(), TICK);
	}

	/**
	 * How often each outcome happened for one backend.
	 * @param answered searches it answered in time
	 * @param timedOut searches it missed
	 * @param crashed searches it crashed on
	 */
	public record BackendCounts(int answered, int timedOut, int crashed) {

		static final BackendCounts NONE = new BackendCounts(0, 0, 0);

		BackendCounts plus(BackendReport.Outcome outcome) {
			return switch (outcome) {
				case ANSWERED -> new BackendCounts(this.answered + 1, this.timedOut, this.crashed);
				case TIMED_OUT -> new BackendCounts(this.answered, this.timedOut + 1, this.crashed);
				case CRASHED -> new BackendCounts(this.answered, this.timedOut, this.crashed + 1);
			};
		}

	}

	/**
	 * What {@link GetSnapshot} answers.
	 * @param uptimeSeconds ticks since this incarnation started
	 * @param searchesLastMinute searches in the last 60 seconds
	 * @param backends outcomes per backend since this incarnation started
	 */
	public record Snapshot(long uptimeSeconds, int searchesLastMinute, Map<String, BackendCounts> backends) {
	}

	/**
	 * The server's state; every change makes a new one, so a callback that throws half-way leaves
	 * nothing half-updated.
	 * @param uptimeSeconds ticks so far
	 * @param searchesThisSecond searches since the last tick
	 * @param closedSeconds searches per second for up to the last 59 whole seconds, oldest first
	 * @param backends outcomes per backend
	 */
	record State(long uptimeSeconds, int searchesThisSecond, List<Integer> closedSeconds,
			Map<String, BackendCounts> backends) {

		static final State INITIAL = new State(0, 0, List.of(), Map.of());

		State record(List<BackendReport> reports) {
			Map<String, BackendCounts> counts = new TreeMap<>(this.backends);
			reports.forEach((report) -> counts.merge(report.backend(), BackendCounts.NONE.plus(report.outcome()),
					(old, one) -> old.plus(report.outcome())));
			return new State(this.uptimeSeconds, this.searchesThisSecond + 1, this.closedSeconds, Map.copyOf(counts));
		}

		State tick() {
			List<Integer> seconds = new ArrayList<>(this.closedSeconds);
			seconds.add(this.searchesThisSecond);
			if (seconds.size() >= WINDOW_SECONDS) {
				seconds.removeFirst(); // the current second is the window's 60th
			}
			return new State(this.uptimeSeconds + 1, 0, List.copyOf(seconds), this.backends);
		}

		Snapshot snapshot() {
			int lastMinute = this.searchesThisSecond + this.closedSeconds.stream().mapToInt(Integer::intValue).sum();
			return new Snapshot(this.uptimeSeconds, lastMinute, new TreeMap<>(this.backends));
		}

	}

}
