package dev.otpspring.reliability;

import java.util.concurrent.locks.LockSupport;

import dev.otpspring.genserver.CallResult;
import dev.otpspring.genserver.From;
import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.genserver.Init;
import dev.otpspring.genserver.NoReply;
import dev.otpspring.genserver.Reply;
import dev.otpspring.genserver.Result;
import dev.otpspring.process.MailboxLimits;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Self;
import dev.otpspring.supervisor.ChildSpec;
import dev.otpspring.supervisor.RestartType;

/**
 * A leaf of the chaos tree: answers each call with the caller's token and its own identity (so a
 * reply that reached the wrong caller is detectable), stays busy in a handler when asked, and
 * crashes on request with an exception that identifies the fault.
 */
final class SoakServer implements GenServerBehaviour<String> {

	/** Call: answered with {@link Answer}. */
	record Echo(long token) {
	}

	/** Call: answered with {@link Answer} after the handler has been busy for {@code nanos}. */
	record Slow(long token, long nanos) {
	}

	/** Cast: keeps the handler busy for {@code nanos}. */
	record Busy(long nanos) {
	}

	/** Cast: does nothing; fire and forget. */
	record Note(long token) {
	}

	/** Call or cast: the handler throws {@code fault}. */
	record Crash(InjectedFault fault) {
	}

	/** What a server answers: the caller's token, and who answered. */
	record Answer(long token, String id, Pid pid) {
	}

	/**
	 * The exception a crash request throws: one instance per fault, so the exit reason of the
	 * process it crashed names the fault. No stack trace: thousands are thrown.
	 */
	static final class InjectedFault extends RuntimeException {

		InjectedFault(long number) {
			super("injected fault #" + number, null, false, false);
		}

	}

	private final String id;

	private SoakServer(String id) {
		this.id = id;
	}

	/** A child spec for a server registered under {@code id}. */
	static ChildSpec spec(String id, RestartType restart, MailboxLimits mailbox) {
		GenServerOptions options = GenServerOptions.named(id).withMailbox(mailbox);
		return ChildSpec.worker(id, () -> GenServer.startLink(new SoakServer(id), options)).withRestart(restart);
	}

	@Override
	public Init<String> init() {
		return Init.ok(this.id);
	}

	@Override
	public CallResult<String> handleCall(Object request, From from, String state) {
		return switch (request) {
			case Echo echo -> new Reply<>(new Answer(echo.token(), this.id, Self.pid()), state);
			case Slow slow -> {
				busy(slow.nanos());
				yield new Reply<>(new Answer(slow.token(), this.id, Self.pid()), state);
			}
			case Crash crash -> throw crash.fault();
			default -> throw new IllegalArgumentException("unexpected call " + request);
		};
	}

	@Override
	public Result<String> handleCast(Object request, String state) {
		switch (request) {
			case Busy busy -> busy(busy.nanos());
			case Note note -> {
			}
			case Crash crash -> throw crash.fault();
			default -> throw new IllegalArgumentException("unexpected cast " + request);
		}
		return new NoReply<>(state);
	}

	/**
	 * Keeps the handler busy, parked, until {@code nanos} have passed — or until the process is
	 * killed, which interrupts its thread and leaves nothing for the handler to do.
	 */
	private static void busy(long nanos) {
		long deadline = System.nanoTime() + nanos;
		long left;
		while ((left = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
			LockSupport.parkNanos(left);
		}
	}

}
