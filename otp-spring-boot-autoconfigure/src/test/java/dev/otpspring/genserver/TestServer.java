package dev.otpspring.genserver;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Self;
import dev.otpspring.process.TestProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GenServer whose behaviour each test scripts: a call or cast whose request is a
 * {@link CallStep} or {@link Step} runs that step inside the server; any other call is echoed
 * back; any other cast becomes the new state. It records what the runtime makes it do —
 * {@code init} runs, {@code handleInfo} messages, {@code terminate} reasons — for the test to
 * check.
 */
public final class TestServer implements GenServerBehaviour<Object> {

	/** Reads the state: {@code call(pid, STATE)}. */
	public static final CallStep STATE = (from, state) -> new Reply<>(state, state);

	private final InitStep init;

	private final boolean trapExits;

	private final AtomicInteger inits = new AtomicInteger();

	private final BlockingQueue<Object> infos = new LinkedBlockingQueue<>();

	private final BlockingQueue<ExitReason> terminations = new LinkedBlockingQueue<>();

	private volatile RuntimeException terminateFailure;

	private TestServer(InitStep init, boolean trapExits) {
		this.init = init;
		this.trapExits = trapExits;
	}

	/** A server whose {@code init} returns {@code Init.ok("initial")}. */
	public static TestServer create() {
		return withInit(() -> Init.ok("initial"));
	}

	/** A server that traps exits, so exit signals reach {@code handleInfo} or stop it (R12.1). */
	public static TestServer trappingExits() {
		return new TestServer(() -> Init.ok("initial"), true);
	}

	public static TestServer withInit(InitStep init) {
		return new TestServer(init, false);
	}

	/** Starts this server unlinked and returns its Pid, failing the test if the start fails. */
	public Pid start(OtpRuntime runtime) {
		return start(runtime, GenServerOptions.DEFAULTS);
	}

	public Pid start(OtpRuntime runtime, GenServerOptions options) {
		StartResult result = GenServer.start(runtime, this, options);
		assertThat(result).isInstanceOf(StartResult.Ok.class);
		return result.pid();
	}

	/** Makes {@code terminate} throw {@code failure} after recording its reason. */
	public TestServer failingToTerminate(RuntimeException failure) {
		this.terminateFailure = failure;
		return this;
	}

	/** How many times {@code init} ran. */
	public int initCount() {
		return this.inits.get();
	}

	/** The messages {@code handleInfo} received, in order. */
	public BlockingQueue<Object> infos() {
		return this.infos;
	}

	/** The reasons {@code terminate} ran with, in order. */
	public BlockingQueue<ExitReason> terminations() {
		return this.terminations;
	}

	/** The next {@code handleInfo} message, which must come within {@link TestProbe#TIMEOUT}. */
	public Object nextInfo() {
		return poll(this.infos, "handleInfo message");
	}

	/** The reason {@code terminate} ran with, which it must do within {@link TestProbe#TIMEOUT}. */
	public ExitReason terminationReason() {
		return poll(this.terminations, "terminate call");
	}

	private static <T> T poll(BlockingQueue<T> queue, String what) {
		try {
			T value = queue.poll(TestProbe.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(value).as("a %s within %s", what, TestProbe.TIMEOUT).isNotNull();
			return value;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	@Override
	public Init<Object> init() throws Exception {
		this.inits.incrementAndGet();
		if (this.trapExits) {
			Self.trapExits(true);
		}
		return this.init.run();
	}

	@Override
	public CallResult<Object> handleCall(Object request, From from, Object state) throws Exception {
		return (request instanceof CallStep step) ? step.run(from, state) : new Reply<>(request, state);
	}

	@Override
	public Result<Object> handleCast(Object request, Object state) throws Exception {
		return (request instanceof Step step) ? step.run(state) : new NoReply<>(request);
	}

	@Override
	public Result<Object> handleInfo(Object message, Object state) throws Exception {
		this.infos.add(message);
		return (message instanceof Step step) ? step.run(state) : new NoReply<>(state);
	}

	@Override
	public Result<Object> handleContinue(Object argument, Object state) throws Exception {
		return (argument instanceof Step step) ? step.run(state) : new NoReply<>(argument);
	}

	@Override
	public void terminate(ExitReason reason, Object state) {
		this.terminations.add(reason);
		RuntimeException failure = this.terminateFailure;
		if (failure != null) {
			throw failure;
		}
	}

	/** What {@code init} does. */
	@FunctionalInterface
	public interface InitStep {

		Init<Object> run() throws Exception;

	}

	/** A call request that runs inside the server as its {@code handleCall}. */
	@FunctionalInterface
	public interface CallStep {

		CallResult<Object> run(From from, Object state) throws Exception;

	}

	/** A cast, info or continue that runs inside the server as that callback. */
	@FunctionalInterface
	public interface Step {

		Result<Object> run(Object state) throws Exception;

	}

}
