package dev.otpspring.genserver;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.otpspring.process.Gate;
import dev.otpspring.process.ManualScheduler;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.TestProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * R11.3: call timeouts, on a {@link ManualScheduler}: a call times out exactly when the test
 * moves time past its deadline, never because a machine was slow.
 */
class GenServerCallTimeoutTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ManualScheduler time = new ManualScheduler();

	private final OtpRuntime runtime = OtpRuntime.builder().scheduler(this.time).build();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	/** A request the server answers with {@code reply} once the gate opens, noting that it did. */
	record Slow(Gate gate, Object reply, BlockingQueue<Object> handled) implements TestServer.CallStep {

		Slow(Gate gate, Object reply) {
			this(gate, reply, new LinkedBlockingQueue<>());
		}

		@Override
		public CallResult<Object> run(From from, Object state) throws InterruptedException {
			this.gate.pass();
			this.handled.add(this.reply);
			return new Reply<>(this.reply, state);
		}

	}

	// R11.3
	@Test
	void aCallNotAnsweredInTimeFailsWithCallTimeoutExceptionNamingServerRequestAndTimeout() {
		TestServer.create().start(this.runtime, GenServerOptions.named("slow-server"));
		Gate gate = new Gate();
		CompletableFuture<Object> call = Async
			.run(() -> GenServer.call(this.runtime.named("slow-server"), new Slow(gate, "late"), TIMEOUT));
		gate.awaitEntered();

		this.time.advance(TIMEOUT);

		assertThat(call).failsWithin(TestProbe.TIMEOUT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(CallTimeoutException.class, (ex) -> {
				assertThat(ex.timeout()).isEqualTo(TIMEOUT);
				assertThat(ex.server()).isEqualTo(this.runtime.named("slow-server"));
			})
			.withMessageContaining("slow-server")
			.withMessageContaining(Slow.class.getName())
			.withMessageContaining("5000 ms");
		gate.open();
	}

	// R11.3
	@Test
	void theServerIsUnaffectedByATimeoutAndStillHandlesTheRequest() {
		Pid server = TestServer.create().start(this.runtime);
		Gate gate = new Gate();
		Slow slow = new Slow(gate, "late");
		CompletableFuture<Object> call = Async.run(() -> GenServer.call(server, slow, TIMEOUT));
		gate.awaitEntered();
		this.time.advance(TIMEOUT);
		assertThat(call).failsWithin(TestProbe.TIMEOUT);

		gate.open();

		assertThat(GenServer.call(server, "next")).isEqualTo("next");
		assertThat(slow.handled()).containsExactly("late");
	}

	// R11.3: the late reply is dropped, never delivered to a later call or the mailbox
	@Test
	void theLateReplyIsDroppedAndTheNextCallGetsItsOwnReply() {
		Pid server = TestServer.create().start(this.runtime);
		TestProbe caller = TestProbe.spawn(this.runtime);
		Gate gate = new Gate();
		CompletableFuture<Object> first = Async.run(() -> caller.inside(() -> {
			try {
				return GenServer.call(server, new Slow(gate, "stale"), TIMEOUT);
			}
			catch (CallTimeoutException ex) {
				return "timed out";
			}
		}));
		gate.awaitEntered();
		this.time.advance(TIMEOUT);
		assertThat(first).succeedsWithin(TestProbe.TIMEOUT).isEqualTo("timed out");

		gate.open();
		Object second = caller.inside(() -> GenServer.call(server, "fresh", TIMEOUT));

		assertThat(second).isEqualTo("fresh");
		caller.expectNoMessage();
	}

	@Test
	void anInterruptedCallerGetsCallInterruptedExceptionAndKeepsItsInterruptFlag() {
		Pid server = TestServer.create().start(this.runtime);
		Gate gate = new Gate();
		CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
		Thread caller = Thread.ofVirtual().start(() -> {
			try {
				GenServer.call(server, new Slow(gate, "never read"), TIMEOUT);
				interruptKept.completeExceptionally(new AssertionError("the call returned"));
			}
			catch (CallInterruptedException ex) {
				interruptKept.complete(Thread.currentThread().isInterrupted());
			}
		});
		gate.awaitEntered();

		caller.interrupt();

		assertThat(interruptKept).succeedsWithin(TestProbe.TIMEOUT).isEqualTo(true);
		gate.open();
		assertThat(GenServer.call(server, "next")).isEqualTo("next");
	}

	// R11.3
	@Test
	void aCallWithTimeoutZeroTimesOutAtOnceWhileTheServerStillHandlesTheRequest() throws InterruptedException {
		BlockingQueue<Object> handled = new LinkedBlockingQueue<>();
		TestServer.CallStep answer = (from, state) -> {
			handled.add(from);
			return new Reply<>("answer", state);
		};
		// A fresh server each time, as the first call to a server is the one a brief spin would catch.
		for (int i = 0; i < 200; i++) {
			Pid server = TestServer.create().start(this.runtime);

			assertThatThrownBy(() -> GenServer.call(server, answer, Duration.ZERO))
				.isInstanceOf(CallTimeoutException.class);
			assertThat(handled.poll(5, TimeUnit.SECONDS)).as("the server still handles the request").isNotNull();
		}
	}

}
