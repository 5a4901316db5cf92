package dev.otpspring.genserver;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.otpspring.genserver.GenServerMessages.Call;
import dev.otpspring.genserver.GenServerMessages.Cast;
import dev.otpspring.genserver.GenServerMessages.IdleTick;
import dev.otpspring.genserver.GenServerMessages.StopRequest;
import dev.otpspring.genserver.MessageInstrumentation.Kind;
import dev.otpspring.process.Exit;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.MessageHandler;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Self;
import dev.otpspring.process.TimerRef;

/**
 * The loop of one GenServer: runs the behaviour's callbacks on its messages and applies their
 * results. Lives inside the server's process; only that process touches {@code state}.
 *
 * @param <S> the type of the server's state
 */
final class GenServerProcess<S> implements MessageHandler {

	private static final Logger logger = LoggerFactory.getLogger(GenServer.class);

	private final OtpRuntime runtime;

	private final GenServerBehaviour<S> behaviour;

	/**
	 * The starter. Only when it is linked ({@code startLink}) is it the parent whose exit signal
	 * stops a trapping server (R12.1); an unlinked server is its own parent, as in OTP.
	 */
	private final Pid parent;

	private final boolean linkedToParent;

	private final Object name;

	/** What the last handler threw, for an instrumented message's {@link MessageInstrumentation.Handling}. */
	private @Nullable Throwable crashedWith;

	/** False when the starter reports a failed start itself ({@link StartFailureReports}). */
	private final boolean reportStartFailure;

	/** Until {@code init} has answered the starter; then {@code null}, so an idle server stays small. */
	private StartAck ack;

	private Pid self;

	private S state;

	/** Bumped whenever an inactivity timeout is armed or disarmed; stale ticks are ignored. */
	private long idleGeneration;

	private volatile TimerRef idleTimer;

	GenServerProcess(OtpRuntime runtime, GenServerBehaviour<S> behaviour, Pid parent, boolean linkedToParent,
			Object name, StartAck ack, boolean reportStartFailure) {
		this.runtime = runtime;
		this.reportStartFailure = reportStartFailure;
		this.behaviour = behaviour;
		this.parent = parent;
		this.linkedToParent = linkedToParent;
		this.name = name;
		this.ack = ack;
	}

	/** The process body: runs {@code init} and acknowledges the starter (R10.1, R6.7). */
	MessageHandler init() {
		this.self = Self.pid();
		Init<S> result;
		try {
			result = this.behaviour.init();
			if (result == null) {
				throw new IllegalStateException(this.behaviour.getClass().getName() + ".init() returned null");
			}
		}
		catch (Throwable ex) {
			ExitReason reason = ExitReason.crash(ex);
			if (this.reportStartFailure) {
				report(reason, ex, null);
			}
			exitFromInit(reason);
			return this;
		}
		switch (result) {
			case Init.Ok<S> ok -> {
				this.state = ok.state();
				acknowledge(new StartResult.Ok(this.self));
				after(ok.action(), null);
			}
			case Init.Ignore<S> ignore -> failStart(new StartResult.Ignore(), ExitReason.NORMAL);
			case Init.Stop<S> stop -> {
				if (this.reportStartFailure && !stop.reason().isNormalLike()) {
					report(stop.reason(), null, null);
				}
				exitFromInit(stop.reason());
			}
			case Init.Error<S> error -> failStart(new StartResult.Error(asReason(error.reason())), ExitReason.NORMAL);
		}
		return this;
	}

	/**
	 * {@code init} raised or returned stop: the process exits with that reason like any other, so
	 * a linked starter that does not trap exits dies with it, as in OTP (R6.5). A starter that
	 * lives on learns the reason once the exit is seen, not before: told earlier, a starter about
	 * to die could act on the answer first.
	 */
	private void exitFromInit(ExitReason reason) {
		if (isZombie()) {
			return; // killed by the init timeout: the starter already gave up
		}
		this.ack.answerOnExit(new StartResult.Error(reason));
		this.ack = null;
		Self.exit(reason);
	}

	/**
	 * {@code init} returned ignore or error: releases the name, then the starter, then exits
	 * normally. Modern OTP (26+): such a failed start is a value for the starter, so the link is
	 * removed first and even a trapping starter sees no exit.
	 */
	private void failStart(StartResult result, ExitReason exit) {
		if (isZombie()) {
			return; // killed by the init timeout: the name may already belong to a successor
		}
		if (this.name != null) {
			this.runtime.unregister(this.name);
		}
		if (this.linkedToParent) {
			Self.unlink(this.parent);
		}
		acknowledge(result);
		Self.exit(exit);
	}

	private void acknowledge(StartResult result) {
		this.ack.complete(result);
		this.ack = null;
	}

	@Override
	public void handle(Object message) {
		if (message instanceof IdleTick tick) {
			if (tick.generation() == this.idleGeneration) {
				this.idleTimer = null;
				onResult(() -> this.behaviour.handleInfo(IdleTimeout.INSTANCE, this.state), message);
			}
			return;
		}
		disarmIdleTimer();
		switch (message) {
			case Call call when call.context() != null -> instrumented(call.request(), Kind.CALL, call.context(),
					() -> onCall(call));
			case Cast cast when cast.context() != null -> instrumented(cast.request(), Kind.CAST, cast.context(),
					() -> onCast(cast));
			case Call call -> onCall(call);
			case Cast cast -> onCast(cast);
			case StopRequest stop -> stop(stop.reason(), message);
			case Exit exit when this.linkedToParent && this.parent.equals(exit.from()) -> stop(exit.reason(), message);
			default -> onResult(() -> this.behaviour.handleInfo(message, this.state), message);
		}
	}

	/** Handles a message whose sender's side an instrumentation followed, within its handling. */
	private void instrumented(Object request, Kind kind, Object context, Runnable handler) {
		MessageInstrumentation instrumentation = CallObservers.of(this.runtime).instrumentation();
		if (instrumentation == null) { // removed since the message was sent
			handler.run();
			return;
		}
		MessageInstrumentation.Handling handling = instrumentation.handling(this.self, this.name, request, kind, context);
		this.crashedWith = null;
		try {
			handler.run();
		}
		finally {
			try {
				handling.completed(this.crashedWith);
			}
			catch (RuntimeException ex) {
				logger.warn("Message instrumentation failed after handling {}", request.getClass().getName(), ex);
			}
		}
	}

	private void onCast(Cast cast) {
		onResult(() -> this.behaviour.handleCast(cast.request(), this.state), cast);
	}

	private void onCall(Call call) {
		if (call.request() == GenServerMessages.GetState.INSTANCE) {
			call.from().reply(this.state);
			return;
		}
		CallResult<S> result;
		try {
			result = this.behaviour.handleCall(call.request(), call.from(), this.state);
			if (result == null) {
				throw new IllegalStateException(this.behaviour.getClass().getName() + ".handleCall returned null");
			}
		}
		catch (Throwable ex) {
			crash(ex, call);
			return;
		}
		this.state = result.state();
		switch (result) {
			case Reply<S> reply -> {
				call.from().reply(reply.reply());
				after(reply.action(), call);
			}
			case NoReply<S> noReply -> {
				call.from().awaitDeferredReply(this.runtime);
				after(noReply.action(), call);
			}
			case Stop<S> stop -> stop(stop.reason(), call); // the caller gets the reason (R11.5)
			case StopAndReply<S> stop -> {
				ExitReason reason = terminateAndReport(stop.reason(), null, call);
				call.from().reply(stop.reply()); // after terminate (R11.5)
				Self.exit(reason);
			}
		}
	}

	private void onResult(Callback<S> callback, Object message) {
		Result<S> result;
		try {
			result = callback.run();
			if (result == null) {
				throw new IllegalStateException(this.behaviour.getClass().getName() + " returned a null result");
			}
		}
		catch (Throwable ex) {
			crash(ex, message);
			return;
		}
		this.state = result.state();
		switch (result) {
			case NoReply<S> noReply -> after(noReply.action(), message);
			case Stop<S> stop -> stop(stop.reason(), message);
		}
	}

	/** Applies an action; {@code continue} runs before the next message (R10.3). */
	private void after(Action action, Object message) {
		switch (action) {
			case Action.Continue next -> onResult(() -> this.behaviour.handleContinue(next.argument(), this.state), next);
			case Action.Timeout timeout -> armIdleTimer(timeout);
			case Action.None none -> {
			}
			case Action.Hibernate hibernate -> {
			}
		}
	}

	private void stop(ExitReason reason, Object lastMessage) {
		Self.exit(terminateAndReport(reason, null, lastMessage));
	}

	private void crash(Throwable ex, Object lastMessage) {
		this.crashedWith = ex;
		Self.exit(terminateAndReport(ExitReason.crash(ex), ex, lastMessage));
	}

	/**
	 * Runs {@code terminate}, then reports an abnormal end once (R16.1, R1.2). As in OTP the
	 * report comes after {@code terminate}: if that throws, its failure is the one reported.
	 * @return the reason to exit with
	 */
	private ExitReason terminateAndReport(ExitReason reason, Throwable ex, Object lastMessage) {
		ExitReason exit = terminate(reason, lastMessage);
		if (exit == reason && !reason.isNormalLike()) {
			report(reason, ex, lastMessage);
		}
		return exit;
	}

	/** Runs {@code terminate}; if it throws, that becomes the exit reason, as in OTP. */
	private ExitReason terminate(ExitReason reason, Object lastMessage) {
		disarmIdleTimer();
		if (isZombie()) {
			return reason; // never on kill or an untrapped signal (R12.2), even if the callback noticed
		}
		try {
			this.behaviour.terminate(reason, this.state);
			return reason;
		}
		catch (Throwable ex) {
			ExitReason failure = ExitReason.crash(ex);
			report(failure, ex, lastMessage);
			return failure;
		}
	}

	private void armIdleTimer(Action.Timeout timeout) {
		long generation = ++this.idleGeneration;
		TimerRef timer = this.runtime.sendAfter(this.self, new IdleTick(generation), timeout.timeout());
		this.idleTimer = timer;
		if (isZombie()) {
			timer.cancel(); // killed meanwhile: exited() has run, or runs now and cancels it too
		}
	}

	private void disarmIdleTimer() {
		TimerRef timer = this.idleTimer;
		if (timer != null) {
			this.idleGeneration++;
			this.idleTimer = null;
			timer.cancel();
		}
	}

	/**
	 * Whether this process was ended from outside (a kill, an untrapped exit signal) while a
	 * callback still runs. Such a callback typically fails with an {@link InterruptedException};
	 * what it does next must have no effect (SEMANTICS §5).
	 */
	private boolean isZombie() {
		return !this.runtime.isAlive(this.self);
	}

	@Override
	public void exited(ExitReason reason) {
		TimerRef timer = this.idleTimer;
		if (timer != null) {
			timer.cancel();
		}
	}

	/** One crash report per crash (R16.1): who, why, the last message's type, and state only if allowed. */
	private void report(ExitReason reason, Throwable ex, Object lastMessage) {
		if (!logger.isErrorEnabled() || isZombie()) {
			return;
		}
		String who = (this.name != null) ? this.name + " " + this.self : String.valueOf(this.self);
		String state = this.runtime.logStateInCrashReports() ? describeState()
				: "(not logged; crash-report state logging is off)";
		logger.error("GenServer {} terminating\n** Reason: {}\n** Last message: {}\n** State: {}", who, reason,
				describe(lastMessage), state, ex);
	}

	/** The state's {@code toString()}, which is user code: its failure must not stop the report. */
	private String describeState() {
		try {
			return String.valueOf(this.state);
		}
		catch (RuntimeException ex) {
			return "(its toString() threw " + ex + ")";
		}
	}

	private static String describe(Object message) {
		return switch (message) {
			case null -> "none (in init)";
			case Call call -> "call " + call.request().getClass().getName() + " from "
					+ ((call.from().caller() != null) ? call.from().caller() : call.from());
			case Cast cast -> "cast " + cast.request().getClass().getName();
			case StopRequest stop -> "stop " + stop.reason();
			case Exit exit -> "exit signal " + exit.reason() + " from " + exit.from();
			case IdleTick tick -> IdleTimeout.class.getName();
			case Action.Continue next -> "continue " + next.argument().getClass().getName();
			default -> message.getClass().getName();
		};
	}

	private static ExitReason asReason(Object reason) {
		return (reason instanceof ExitReason exitReason) ? exitReason : ExitReason.of(reason);
	}

	/** A callback that may throw anything a user callback throws. */
	@FunctionalInterface
	private interface Callback<T> {

		Result<T> run() throws Exception;

	}

}
