package dev.otpspring.supervisor;

import dev.otpspring.genserver.CallResult;
import dev.otpspring.genserver.From;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.Init;
import dev.otpspring.genserver.NoReply;
import dev.otpspring.genserver.Reply;
import dev.otpspring.genserver.Result;
import dev.otpspring.genserver.Stop;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Self;

/**
 * A child for supervisor tests: answers {@link Ping}, crashes or stops on request, and writes
 * its life ("started a", "terminate a shutdown", "terminated a") into a {@link ChildProbe} log.
 */
final class TestWorker implements GenServerBehaviour<String> {

	/** Call: replies with the worker's id. */
	record Ping() {
	}

	/** Cast: the worker throws, so it exits with a crash. */
	record Crash() {
	}

	/** Cast: the worker stops with {@code reason}, as {@code {stop, Reason, State}}. */
	record StopWith(ExitReason reason) {
	}

	/** Work done inside {@code terminate} after it is logged; may block. */
	@FunctionalInterface
	interface TerminateAction {

		void run() throws InterruptedException;

	}

	/** Work done inside {@code init} before it returns. */
	@FunctionalInterface
	interface InitHook {

		void run(String id);

	}

	/**
	 * How a worker behaves.
	 * @param named register under its id
	 * @param trapExits trap exits, so {@code terminate} runs when its supervisor stops it (R7.3)
	 * @param onTerminate what {@code terminate} does between its two log entries
	 * @param onInit what {@code init} does first
	 */
	record Options(boolean named, boolean trapExits, TerminateAction onTerminate, InitHook onInit) {

		static final Options DEFAULT = new Options(true, false, () -> {
		}, (id) -> {
		});

		Options trapping() {
			return new Options(this.named, true, this.onTerminate, this.onInit);
		}

		Options unnamed() {
			return new Options(false, this.trapExits, this.onTerminate, this.onInit);
		}

		Options onTerminate(TerminateAction action) {
			return new Options(this.named, this.trapExits, action, this.onInit);
		}

		Options onInit(InitHook hook) {
			return new Options(this.named, this.trapExits, this.onTerminate, hook);
		}

	}

	private final String id;

	private final ChildProbe probe;

	private final Options options;

	private final ChildProbe.Outcome outcome;

	TestWorker(String id, ChildProbe probe, Options options, ChildProbe.Outcome outcome) {
		this.id = id;
		this.probe = probe;
		this.options = options;
		this.outcome = outcome;
	}

	@Override
	public Init<String> init() {
		this.options.onInit().run(this.id);
		switch (this.outcome) {
			case FAIL_INIT -> {
				return Init.stop(ChildProbe.initFailure(this.id));
			}
			case IGNORE -> {
				return Init.ignore();
			}
			default -> {
				if (this.options.trapExits()) {
					Self.trapExits(true);
				}
				this.probe.record("started " + this.id);
				return Init.ok(this.id);
			}
		}
	}

	@Override
	public CallResult<String> handleCall(Object request, From from, String state) {
		if (request instanceof Ping) {
			return new Reply<>(this.id, state);
		}
		throw new IllegalArgumentException("unexpected call " + request);
	}

	@Override
	public Result<String> handleCast(Object request, String state) {
		return switch (request) {
			case Crash crash -> throw new IllegalStateException("crash requested of " + this.id);
			case StopWith stop -> new Stop<>(stop.reason(), state);
			default -> new NoReply<>(state);
		};
	}

	@Override
	public void terminate(ExitReason reason, String state) {
		this.probe.record("terminate " + this.id + " " + reason);
		try {
			this.options.onTerminate().run();
		}
		catch (InterruptedException ex) {
			this.probe.record("terminate interrupted " + this.id);
			Thread.currentThread().interrupt();
			return;
		}
		this.probe.record("terminated " + this.id);
	}

}
