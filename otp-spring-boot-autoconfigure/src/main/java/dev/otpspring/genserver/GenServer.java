package dev.otpspring.genserver;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.otpspring.genserver.GenServerMessages.Call;
import dev.otpspring.genserver.GenServerMessages.Cast;
import dev.otpspring.genserver.GenServerMessages.StopRequest;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.MailboxFullException;
import dev.otpspring.process.NameAlreadyRegisteredException;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.NotInProcessException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessRef;
import dev.otpspring.process.Self;
import dev.otpspring.process.TimerRef;
import dev.otpspring.process.SpawnOptions;
import dev.otpspring.process.Watch;

/**
 * Starts GenServers and talks to them: {@code start}, {@code call}, {@code cast}, {@code stop}.
 * The client half of Elixir's {@code GenServer} module; the server half is a
 * {@link GenServerBehaviour}.
 *
 * <pre>{@code
 * GenServer.start(runtime, new Counter(), GenServerOptions.named("counter"));
 * ProcessRef counter = runtime.named("counter");
 * GenServer.cast(counter, new Counter.Inc());
 * Object value = GenServer.call(counter, new Counter.Get());             // waits up to 5 s
 * GenServer.stop(counter);                                               // terminate runs first
 * }</pre>
 */
public final class GenServer {

	/** The default call timeout: 5 seconds, as in OTP (§1). */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(GenServer.class);

	private GenServer() {
	}

	// ---- start ------------------------------------------------------------------------------------

	/** Starts an unnamed, unlinked server and waits for its {@code init}. */
	public static <S> StartResult start(OtpRuntime runtime, GenServerBehaviour<S> behaviour) {
		return start(runtime, behaviour, GenServerOptions.DEFAULTS);
	}

	/**
	 * Starts an unlinked server and waits for its {@code init} (R10.2). A taken name gives
	 * {@code Error({already_started, pid})} without running {@code init} (R6.7, R15.2).
	 */
	public static <S> StartResult start(OtpRuntime runtime, GenServerBehaviour<S> behaviour, GenServerOptions options) {
		return start(runtime, behaviour, options, false);
	}

	/** Starts a server linked to the calling process; see {@link #startLink(GenServerBehaviour, GenServerOptions)}. */
	public static <S> StartResult startLink(GenServerBehaviour<S> behaviour) {
		return startLink(behaviour, GenServerOptions.DEFAULTS);
	}

	/**
	 * Starts a server linked to the calling process — what a supervisor's child start function
	 * calls. A failed start is returned as a value and does not kill the caller (modern OTP).
	 * @throws NotInProcessException if called from outside a process
	 */
	public static <S> StartResult startLink(GenServerBehaviour<S> behaviour, GenServerOptions options) {
		if (!Self.inProcess()) {
			throw new NotInProcessException("GenServer.startLink");
		}
		return start(Self.runtime(), behaviour, options, true);
	}

	private static <S> StartResult start(OtpRuntime runtime, GenServerBehaviour<S> behaviour,
			GenServerOptions options, boolean link) {
		Objects.requireNonNull(runtime, "runtime must not be null");
		Objects.requireNonNull(behaviour, "behaviour must not be null");
		Objects.requireNonNull(options, "options must not be null");
		StartAck ack = new StartAck();
		Pid parent = Self.pidOrNull();
		SpawnOptions spawn = new SpawnOptions(link, options.name(), options.mailbox());
		boolean reportStartFailure = !StartFailureReports.byStarter();
		Pid pid;
		try {
			pid = runtime.spawn(() -> new GenServerProcess<>(runtime, behaviour, parent, link, options.name(), ack,
					reportStartFailure).init(), spawn);
		}
		catch (NameAlreadyRegisteredException ex) {
			return new StartResult.Error(ExitReason.of(new AlreadyStarted(ex.holder())));
		}
		Watch watch = runtime.watch(pid, ack);
		StartResult result = ack.await(runtime, pid, runtime.deadlineAfter(options.initTimeout()));
		watch.cancel();
		if (result != null) {
			return result;
		}
		if (link) {
			Self.unlink(pid); // the kill below must not take the starter with it
		}
		runtime.exit(pid, ExitReason.KILL);
		return new StartResult.Error(ExitReason.of("timeout"));
	}

	// ---- call and cast ------------------------------------------------------------------------------

	/** {@link #call(ProcessRef, Object, Duration)} with the default timeout of 5 seconds. */
	public static @Nullable Object call(ProcessRef server, Object request) {
		return call(server, request, DEFAULT_TIMEOUT);
	}

	/**
	 * Sends {@code request} and waits for the reply (R11.x).
	 * @return the reply from {@code handleCall}
	 * @throws NoProcessException if {@code server} does not exist (R11.1)
	 * @throws ProcessExitException at once if the server exits before replying (R11.2)
	 * @throws CallTimeoutException if no reply comes within {@code timeout}; a late reply is
	 * dropped (R11.3)
	 * @throws CallingSelfException if a server calls itself
	 */
	public static @Nullable Object call(ProcessRef server, Object request, Duration timeout) {
		Objects.requireNonNull(server, "server must not be null");
		Objects.requireNonNull(request, "request must not be null");
		Objects.requireNonNull(timeout, "timeout must not be null");
		Pid pid = server.whereis();
		if (pid == null) {
			throw new NoProcessException(server, describeCall(request, timeout));
		}
		CallObservers hooks = CallObservers.of(pid.runtime());
		CallObserver[] observers = hooks.current();
		// sys:get_state (the Actuator reading a process's state) is a look inside, not traffic to trace.
		MessageInstrumentation instrumentation = (request != GenServerMessages.GetState.INSTANCE)
				? hooks.instrumentation() : null;
		if (observers.length == 0 && instrumentation == null) {
			return call(server, pid, request, timeout, null);
		}
		MessageInstrumentation.Sending sending = (instrumentation != null)
				? instrumentation.sending(server, request, MessageInstrumentation.Kind.CALL) : null;
		long start = System.nanoTime();
		RuntimeException failure = null;
		try {
			return call(server, pid, request, timeout, (sending != null) ? sending.context() : null);
		}
		catch (RuntimeException ex) {
			failure = ex;
			throw ex;
		}
		finally {
			CallObservers.completed(observers, server, request, System.nanoTime() - start, failure);
			CallObservers.completed(sending, failure);
		}
	}

	private static Object call(ProcessRef server, Pid pid, Object request, Duration timeout, @Nullable Object context) {
		Pid caller = Self.pidOrNull();
		if (pid.equals(caller)) {
			throw new CallingSelfException(server, request, timeout);
		}
		OtpRuntime runtime = pid.runtime();
		From from = new From(pid, server, request, timeout, caller);
		long deadline = runtime.deadlineAfter(timeout);
		if (caller == null) {
			return send(runtime, server, pid, request, timeout, from, context).await(runtime.scheduler(), deadline, false);
		}
		// Say whom we wait for before looking for a cycle, so two processes calling each other
		// at the same moment cannot both miss it.
		Self.awaitingReplyFrom(pid);
		try {
			CallCycleException.check(runtime, server, caller, pid, request, timeout);
			return send(runtime, server, pid, request, timeout, from, context).await(runtime.scheduler(), deadline, false);
		}
		finally {
			Self.awaitingReplyFrom(null);
		}
	}

	private static From send(OtpRuntime runtime, ProcessRef server, Pid pid, Object request, Duration timeout, From from,
			@Nullable Object context) {
		if (!runtime.send(pid, new Call(from, request, context))) {
			throw new NoProcessException(server, describeCall(request, timeout));
		}
		return from;
	}

	/**
	 * Sends {@code request} and returns at once with a future of the reply: the asynchronous
	 * {@code call}, OTP's {@code send_request}. No thread waits for the reply; the future completes
	 * with the reply, or exceptionally with the same exceptions {@link #call} throws
	 * ({@link ProcessExitException} at once if the server exits first, {@link CallTimeoutException}
	 * after {@code timeout}, {@link NoProcessException}). Cancelling the future does not withdraw
	 * the request.
	 * <p>
	 * The reply completes the future on the replying process's thread: attach slow work with the
	 * {@code *Async} variants of {@code CompletableFuture}, not the plain ones.
	 * @throws IllegalStateException if the runtime is closed (its timers, which time calls out, are
	 * stopped); nothing is sent then
	 * @throws MailboxFullException if the server's bounded mailbox is full
	 */
	public static CompletableFuture<@Nullable Object> callAsync(ProcessRef server, Object request, Duration timeout) {
		Objects.requireNonNull(server, "server must not be null");
		Objects.requireNonNull(request, "request must not be null");
		Objects.requireNonNull(timeout, "timeout must not be null");
		Pid pid = server.whereis();
		if (pid == null) {
			return CompletableFuture.failedFuture(new NoProcessException(server, describeCall(request, timeout)));
		}
		OtpRuntime runtime = pid.runtime();
		CompletableFuture<@Nullable Object> future = new CompletableFuture<>();
		From from = new From(pid, server, request, timeout, Self.pidOrNull(), future);
		CallObservers hooks = CallObservers.of(runtime);
		CallObserver[] observers = hooks.current();
		if (observers.length > 0) {
			long start = System.nanoTime();
			future.whenComplete((reply, failure) -> CallObservers.completed(observers, server, request,
					System.nanoTime() - start, (failure instanceof RuntimeException exception) ? exception : null));
		}
		MessageInstrumentation instrumentation = hooks.instrumentation();
		MessageInstrumentation.Sending sending = (instrumentation != null)
				? instrumentation.sending(server, request, MessageInstrumentation.Kind.CALL) : null;
		if (sending != null) {
			future.whenComplete((reply, failure) -> CallObservers.completed(sending, failure));
		}
		// The timer first: a closed runtime, whose timers are stopped, refuses it before anything is sent.
		TimerRef timer = null;
		if (!OtpRuntime.isUnbounded(timeout)) {
			timer = runtime.scheduler().schedule(timeout.toNanos(), from::expire);
		}
		boolean sent;
		try {
			sent = runtime.send(pid, new Call(from, request, (sending != null) ? sending.context() : null));
		}
		catch (RuntimeException ex) {
			if (timer != null) {
				timer.cancel();
			}
			throw ex;
		}
		if (timer != null) {
			TimerRef armed = timer;
			future.whenComplete((reply, failure) -> armed.cancel());
		}
		if (!sent) {
			future.completeExceptionally(new NoProcessException(server, describeCall(request, timeout)));
		}
		return future;
	}

	/**
	 * Registers an observer of every call made in {@code runtime}, such as a call timer.
	 * @return close it to unregister
	 */
	public static AutoCloseable observeCalls(OtpRuntime runtime, CallObserver observer) {
		Objects.requireNonNull(observer, "observer must not be null");
		return CallObservers.of(runtime).add(observer);
	}

	/**
	 * Installs the instrumentation that follows every call and cast of {@code runtime} from its
	 * sender into its handler, such as tracing; one per runtime.
	 * @return close it to remove the instrumentation
	 * @throws IllegalStateException if the runtime is instrumented already
	 */
	public static AutoCloseable instrument(OtpRuntime runtime, MessageInstrumentation instrumentation) {
		Objects.requireNonNull(instrumentation, "instrumentation must not be null");
		return CallObservers.of(runtime).instrument(instrumentation);
	}

	/**
	 * The state of a running server, like Erlang's {@code sys:get_state}: answered by the server
	 * between two messages, for debugging and observability — never to share mutable state.
	 * @throws NoProcessException if the server does not exist
	 * @throws CallTimeoutException if it does not answer in time
	 */
	public static Object getState(ProcessRef server, Duration timeout) {
		return call(server, GenServerMessages.GetState.INSTANCE, timeout);
	}

	/**
	 * Sends {@code request} without waiting. Always succeeds, even if the server does not exist
	 * (R11.7); only a full bounded mailbox is reported.
	 */
	public static void cast(ProcessRef server, Object request) {
		Objects.requireNonNull(server, "server must not be null");
		Objects.requireNonNull(request, "request must not be null");
		Pid pid = server.whereis();
		if (pid == null) {
			return;
		}
		MessageInstrumentation instrumentation = CallObservers.anyInstrumented()
				? CallObservers.of(pid.runtime()).instrumentation() : null;
		if (instrumentation == null) {
			pid.runtime().send(pid, new Cast(request, null));
			return;
		}
		MessageInstrumentation.Sending sending = instrumentation.sending(server, request, MessageInstrumentation.Kind.CAST);
		RuntimeException failure = null;
		try {
			pid.runtime().send(pid, new Cast(request, sending.context()));
		}
		catch (RuntimeException ex) {
			failure = ex;
			throw ex;
		}
		finally {
			CallObservers.completed(sending, failure);
		}
	}

	// ---- stop -----------------------------------------------------------------------------------------

	/** Stops the server with reason {@code normal}, waiting as long as {@code terminate} takes. */
	public static void stop(ProcessRef server) {
		stop(server, ExitReason.NORMAL, GenServerOptions.INFINITY);
	}

	/**
	 * Stops the server: it runs {@code terminate(reason, state)} and exits; this returns once it
	 * has (R12.4).
	 * @throws NoProcessException if the server does not exist
	 * @throws ProcessExitException if it exited with another reason (e.g. {@code terminate} threw)
	 * @throws CallTimeoutException if it has not exited within {@code timeout}
	 * @throws CallCycleException at once if the server is (transitively) blocked calling the
	 * calling process, which would deadlock
	 */
	public static void stop(ProcessRef server, ExitReason reason, Duration timeout) {
		Objects.requireNonNull(server, "server must not be null");
		Objects.requireNonNull(reason, "reason must not be null");
		Pid pid = server.whereis();
		if (pid == null) {
			throw new NoProcessException(server, "stop it");
		}
		Pid caller = Self.pidOrNull();
		StopRequest request = new StopRequest(reason, null);
		if (pid.equals(caller)) {
			throw new CallingSelfException(server, request, timeout); // return a Stop result instead
		}
		OtpRuntime runtime = pid.runtime();
		From from = new From(pid, server, request, timeout, caller);
		long deadline = runtime.deadlineAfter(timeout);
		// Waiting for a server to stop is waiting for its answer: the same cycles deadlock.
		Self.awaitingReplyFrom(pid);
		ExitReason actual;
		try {
			if (caller != null) {
				CallCycleException.check(runtime, server, caller, pid, request, timeout);
			}
			if (!runtime.send(pid, new StopRequest(reason, from))) {
				throw new NoProcessException(server, "stop it");
			}
			actual = (ExitReason) from.await(runtime.scheduler(), deadline, true);
		}
		finally {
			Self.awaitingReplyFrom(null);
		}
		if (!actual.equals(reason)) {
			throw new ProcessExitException(server, pid, reason, timeout, actual);
		}
	}

	static void logUnexpectedInfo(GenServerBehaviour<?> behaviour, Object message) {
		logger.warn("GenServer {} ({}) received an unexpected message in handleInfo: {}", Self.pidOrNull(),
				behaviour.getClass().getName(), message.getClass().getName());
	}

	private static String describeCall(Object request, Duration timeout) {
		return "call " + CallException.describe(request) + " (timeout " + CallException.format(timeout) + ")";
	}

}
