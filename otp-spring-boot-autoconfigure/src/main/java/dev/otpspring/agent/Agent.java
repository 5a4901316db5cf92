package dev.otpspring.agent;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import dev.otpspring.agent.AgentServer.Get;
import dev.otpspring.agent.AgentServer.GetAndUpdateRequest;
import dev.otpspring.agent.AgentServer.Update;
import dev.otpspring.genserver.CallTimeoutException;
import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.ProcessRef;

/**
 * A process that holds one value, read and changed by functions that run inside it — Elixir's
 * {@code Agent}. Updates are serialised, so the value needs no locks, and under a supervisor a
 * crashed agent restarts from its initial value (R14.4).
 *
 * <pre>{@code
 * Agent.start(runtime, HashMap::new, GenServerOptions.named("cache"));
 * Agent<Map<String, Integer>> cache = Agent.of(runtime.named("cache"));
 * cache.update(map -> { map.put("a", 1); return map; });
 * int a = cache.get(map -> map.get("a"));
 * }</pre>
 *
 * An {@code Agent} is a handle: cheap, immutable, shareable. Addressed by name, it keeps working
 * across restarts of the agent process.
 *
 * @param <T> the type of the value
 */
public final class Agent<T> {

	private final ProcessRef ref;

	private Agent(ProcessRef ref) {
		this.ref = Objects.requireNonNull(ref, "ref must not be null");
	}

	/** A handle to the agent at {@code ref} (a Pid, or a name that follows restarts). */
	public static <T> Agent<T> of(ProcessRef ref) {
		return new Agent<>(ref);
	}

	/**
	 * Starts an agent whose initial value {@code initialState} computes inside the new process
	 * (R14.1); a supplier that throws fails the start.
	 */
	public static <T> StartResult start(OtpRuntime runtime, Supplier<? extends T> initialState, GenServerOptions options) {
		return GenServer.start(runtime, new AgentServer<>(initialState), options);
	}

	/** Like {@link #start}, linked to the calling process: what a supervisor's start function calls. */
	public static <T> StartResult startLink(Supplier<? extends T> initialState, GenServerOptions options) {
		return GenServer.startLink(new AgentServer<>(initialState), options);
	}

	/** Where this handle points. */
	public ProcessRef ref() {
		return this.ref;
	}

	/** {@link #get(Function, Duration)} with the default timeout of 5 seconds. */
	public <R extends @Nullable Object> R get(Function<? super T, ? extends R> function) {
		return get(function, GenServer.DEFAULT_TIMEOUT);
	}

	/**
	 * Applies {@code function} to the value, inside the agent, and returns the result (R14.2).
	 * @throws NoProcessException if the agent does not exist
	 * @throws ProcessExitException if the function threw: the agent crashed (R14.3)
	 * @throws CallTimeoutException if no answer came in time
	 */
	@SuppressWarnings("unchecked")
	public <R extends @Nullable Object> R get(Function<? super T, ? extends R> function, Duration timeout) {
		return (R) GenServer.call(this.ref, new Get<>(checked(function)), timeout);
	}

	/** {@link #update(UnaryOperator, Duration)} with the default timeout of 5 seconds. */
	public void update(UnaryOperator<T> function) {
		update(function, GenServer.DEFAULT_TIMEOUT);
	}

	/**
	 * Replaces the value with {@code function(value)}, inside the agent, and waits until done.
	 * @throws ProcessExitException if the function threw: the agent crashed (R14.3)
	 */
	public void update(UnaryOperator<T> function, Duration timeout) {
		GenServer.call(this.ref, new Update<>(checked(function)), timeout);
	}

	/** {@link #getAndUpdate(Function, Duration)} with the default timeout of 5 seconds. */
	public <R extends @Nullable Object> R getAndUpdate(Function<? super T, GetAndUpdate<R, T>> function) {
		return getAndUpdate(function, GenServer.DEFAULT_TIMEOUT);
	}

	/**
	 * Reads and replaces the value in one step: {@code function} returns the reply and the new
	 * value. A {@code null} result crashes the agent, as a bad return value does in Elixir.
	 */
	@SuppressWarnings("unchecked")
	public <R extends @Nullable Object> R getAndUpdate(Function<? super T, GetAndUpdate<R, T>> function,
			Duration timeout) {
		return (R) GenServer.call(this.ref, new GetAndUpdateRequest<>(checked(function)), timeout);
	}

	/**
	 * Replaces the value without waiting; always succeeds (R14.2). A function that throws crashes
	 * the agent, silently for this caller (R14.3).
	 */
	public void cast(UnaryOperator<T> function) {
		GenServer.cast(this.ref, new Update<>(checked(function)));
	}

	/** Stops the agent normally, waiting for it to exit. */
	public void stop() {
		GenServer.stop(this.ref);
	}

	/** Stops the agent with {@code reason}, waiting up to {@code timeout}. */
	public void stop(ExitReason reason, Duration timeout) {
		GenServer.stop(this.ref, reason, timeout);
	}

	/** A null function is the caller's mistake: refused here, it cannot crash the agent and lose its value. */
	private static <F> F checked(F function) {
		return Objects.requireNonNull(function, "function must not be null");
	}

	@Override
	public String toString() {
		return "Agent[" + this.ref + "]";
	}

}
