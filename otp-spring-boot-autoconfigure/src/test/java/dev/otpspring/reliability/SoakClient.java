package dev.otpspring.reliability;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import dev.otpspring.genserver.CallTimeoutException;
import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.MailboxFullException;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessRef;
import dev.otpspring.reliability.ChaosTree.Member;
import dev.otpspring.reliability.SoakServer.Answer;

/**
 * One client of the soak: calls, casts and asynchronous calls to random leaves, by name or by
 * Pid, some with short timeouts to slow handlers. Every call carries a token no other call has;
 * the answer must carry it back, with the identity of the server asked. Anything else — another
 * caller's reply, an exception the API does not document for the situation — is counted lost.
 */
final class SoakClient {

	private static final AtomicLong TOKENS = new AtomicLong();

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	/** A call that must time out, in practice: its handler stays busy well beyond it. */
	private static final Duration SHORT_TIMEOUT = Duration.ofMillis(5);

	private static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(30);

	private static final long A_LITTLE_SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private final OtpRuntime runtime;

	private final ChaosTree tree;

	private final Watchdog.Slot slot;

	private final SoakFigures figures;

	SoakClient(String name, OtpRuntime runtime, ChaosTree tree, Watchdog watchdog, SoakFigures figures) {
		this.runtime = runtime;
		this.tree = tree;
		this.slot = watchdog.slot(name);
		this.figures = figures;
	}

	/** Works until {@code done} says stop. */
	void run(BooleanSupplier done) {
		while (!done.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
			step();
		}
	}

	private void step() {
		Member target = this.tree.randomLeaf();
		ProcessRef byName = this.runtime.named(target.name());
		long token = TOKENS.incrementAndGet();
		int dice = ThreadLocalRandom.current().nextInt(100);
		if (dice < 60) {
			call(target, byName, new SoakServer.Echo(token), TIMEOUT);
		}
		else if (dice < 70) {
			call(target, byName, new SoakServer.Slow(token, SLOW_NANOS), SHORT_TIMEOUT);
		}
		else if (dice < 75) {
			call(target, byName, new SoakServer.Slow(token, A_LITTLE_SLOW_NANOS), TIMEOUT);
		}
		else if (dice < 85) {
			cast(target, byName, new SoakServer.Note(token));
		}
		else if (dice < 93) {
			callAsync(target, byName, new SoakServer.Echo(token));
		}
		else {
			Pid pid = this.runtime.whereis(target.name());
			if (pid != null) {
				call(target, pid, new SoakServer.Echo(token), TIMEOUT);
			}
		}
	}

	private void call(Member target, ProcessRef server, Object request, Duration timeout) {
		this.figures.calls.increment();
		this.slot.begin("call " + request + " to " + server, timeout);
		try {
			check(target, server, request, GenServer.call(server, request, timeout));
		}
		catch (RuntimeException ex) {
			failed(target, server, request, ex);
		}
		finally {
			this.slot.end();
		}
	}

	private void callAsync(Member target, ProcessRef server, Object request) {
		this.figures.calls.increment();
		this.slot.begin("asynchronous call " + request + " to " + server, TIMEOUT);
		try {
			check(target, server, request, GenServer.callAsync(server, request, TIMEOUT).get());
		}
		catch (ExecutionException ex) {
			failed(target, server, request, ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.figures.unexpected("asynchronous call " + request + " to " + server + " interrupted", ex);
		}
		catch (RuntimeException ex) {
			failed(target, server, request, ex);
		}
		finally {
			this.slot.end();
		}
	}

	private void cast(Member target, ProcessRef server, Object request) {
		this.figures.casts.increment();
		this.slot.begin("cast " + request + " to " + server, TIMEOUT);
		try {
			GenServer.cast(server, request); // never fails (R11.7) ...
		}
		catch (MailboxFullException ex) {
			if (!target.bounded()) { // ... but for a full bounded mailbox
				this.figures.unexpected("cast " + request + " to " + server, ex);
			}
		}
		catch (RuntimeException ex) {
			this.figures.unexpected("cast " + request + " to " + server, ex);
		}
		finally {
			this.slot.end();
		}
	}

	private void check(Member target, ProcessRef server, Object request, Object reply) {
		long token = switch (request) {
			case SoakServer.Echo echo -> echo.token();
			case SoakServer.Slow slow -> slow.token();
			default -> throw new IllegalArgumentException(String.valueOf(request));
		};
		boolean own = reply instanceof Answer answer && answer.token() == token && answer.id().equals(target.name())
				&& (!(server instanceof Pid pid) || pid.equals(answer.pid()));
		if (own) {
			this.figures.answered.increment();
		}
		else {
			this.figures.wrongReply("call " + request + " to " + server, reply);
		}
	}

	/** Sorts a failure into the documented outcomes of a call under faults, or counts it lost. */
	private void failed(Member target, ProcessRef server, Object request, Throwable failure) {
		switch (failure) {
			case CallTimeoutException timeout -> this.figures.timedOut.increment();
			case NoProcessException noProcess -> this.figures.noProcess.increment();
			case ProcessExitException exit when isInjected(exit.reason()) -> this.figures.serverExited.increment();
			case MailboxFullException full when target.bounded() -> this.figures.mailboxFull.increment();
			default -> this.figures.unexpected("call " + request + " to " + server, failure);
		}
	}

	/**
	 * The reasons a leaf exits with in the soak: a kill (its own, or its supervisor's through the
	 * link), a crash a fault caused, or a shutdown by its supervisor restarting its siblings.
	 */
	private static boolean isInjected(ExitReason reason) {
		return reason.equals(ExitReason.KILLED) || reason.equals(ExitReason.SHUTDOWN)
				|| (reason instanceof ExitReason.Crash crash && crash.cause() instanceof SoakServer.InjectedFault);
	}

}
