package dev.otpspring.sample.infosys;

import java.util.List;

import dev.otpspring.genserver.Action;
import dev.otpspring.genserver.CallResult;
import dev.otpspring.genserver.From;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.Init;
import dev.otpspring.genserver.NoReply;
import dev.otpspring.genserver.Result;
import dev.otpspring.genserver.StopAndReply;
import dev.otpspring.process.ExitReason;

/**
 * One backend answering one query, in a short-lived process of its own: the worker
 * {@link InfoSys} starts under the {@code infosys} dynamic supervisor for every backend of every
 * search. It searches as soon as it starts, answers one {@link Fetch} and exits.
 * <p>
 * The search runs in {@code handleContinue}, not in {@code init}: {@code init} returns at once,
 * so starting it does not block the requester, which goes on to start the other backends — they
 * all search at the same time. A {@code Fetch} that arrives meanwhile waits in the mailbox.
 */
final class BackendQuery implements GenServerBehaviour<List<Answer>> {

	/** The requester's call: "what did you find?". */
	record Fetch() {
	}

	private final Backend backend;

	private final String query;

	BackendQuery(Backend backend, String query) {
		this.backend = backend;
		this.query = query;
	}

	@Override
	public Init<List<Answer>> init() {
		return Init.ok(List.of(), Action.continueWith(this.query));
	}

	@Override
	public Result<List<Answer>> handleContinue(Object query, List<Answer> nothingYet) throws Exception {
		return new NoReply<>(this.backend.search((String) query)); // throwing here crashes this worker only
	}

	@Override
	public CallResult<List<Answer>> handleCall(Object request, From from, List<Answer> answers) {
		return switch (request) {
			// Reply and stop: a temporary worker that exits normally is simply forgotten by its supervisor.
			case Fetch fetch -> new StopAndReply<>(ExitReason.NORMAL, answers, answers);
			default -> throw new IllegalArgumentException("A backend query answers Fetch only, not " + request);
		};
	}

}
