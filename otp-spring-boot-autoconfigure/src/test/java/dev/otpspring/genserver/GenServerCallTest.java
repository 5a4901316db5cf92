package dev.otpspring.genserver;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.otpspring.process.Down;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.ExitRecorder;
import dev.otpspring.process.Gate;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessInfo;
import dev.otpspring.process.Self;
import dev.otpspring.process.TestProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code call} and {@code cast}: R11.1, R11.2, R11.5 to R11.8. Calls that must fail "at once" use
 * a call timeout of a minute under a test timeout of ten seconds: waiting for the call timeout
 * would fail the test.
 */
@Timeout(10)
class GenServerCallTest {

	private static final Duration LONG = Duration.ofMinutes(1);

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	// R11.5
	@Test
	void aReplyAnswersTheCall() {
		Pid server = TestServer.create().start(this.runtime);

		assertThat(GenServer.call(server, "echo")).isEqualTo("echo");
		assertThat(GenServer.call(server, (TestServer.CallStep) (from, state) -> new Reply<>(null, state))).isNull();
	}

	// R11.1
	@Test
	void callingAnUnregisteredNameThrowsNoProcessExceptionNamingNameRequestAndTimeout() {
		assertThatThrownBy(() -> GenServer.call(this.runtime.named("ghost"), "hello", Duration.ofMillis(1234)))
			.isInstanceOf(NoProcessException.class)
			.hasMessageContaining("ghost")
			.hasMessageContaining(String.class.getName())
			.hasMessageContaining("1234 ms");
	}

	// R11.1
	@Test
	void callingAnExitedPidThrowsNoProcessExceptionNamingPidRequestAndTimeout() {
		Pid server = TestServer.create().start(this.runtime);
		GenServer.stop(server);

		assertThatThrownBy(() -> GenServer.call(server, "hello"))
			.isInstanceOfSatisfying(NoProcessException.class, (ex) -> assertThat(ex.process()).isEqualTo(server))
			.hasMessageContaining(server.toString())
			.hasMessageContaining(String.class.getName())
			.hasMessageContaining("5000 ms");
	}

	// R11.1
	@Test
	void aServerCallingItselfGetsCallingSelfException() {
		Pid server = TestServer.create().start(this.runtime, GenServerOptions.named("narcissus"));

		Object byPid = GenServer.call(server, (TestServer.CallStep) (from, state) -> {
			try {
				GenServer.call(Self.pid(), "me");
				return new Reply<>("no exception", state);
			}
			catch (CallingSelfException ex) {
				return new Reply<>(ex, state);
			}
		});
		Object byName = GenServer.call(server, (TestServer.CallStep) (from, state) -> {
			try {
				GenServer.call(this.runtime.named("narcissus"), "me");
				return new Reply<>("no exception", state);
			}
			catch (CallingSelfException ex) {
				return new Reply<>(ex, state);
			}
		});

		assertThat(byPid).isInstanceOf(CallingSelfException.class);
		assertThat(byName).isInstanceOf(CallingSelfException.class);
		assertThat(this.runtime.isAlive(server)).isTrue();
	}

	// R11.2
	@Test
	void aCallerIsReleasedAtOnceWhenTheServerCrashesHandlingItsCall() {
		Pid server = TestServer.create().start(this.runtime);
		Gate gate = new Gate();
		IllegalStateException boom = new IllegalStateException("boom");
		Thread.ofVirtual().start(() -> {
			gate.awaitEntered(); // the caller is waiting for its reply
			gate.open();
		});

		assertThatThrownBy(() -> GenServer.call(server, (TestServer.CallStep) (from, state) -> {
			gate.pass();
			throw boom;
		}, LONG)).isInstanceOfSatisfying(ProcessExitException.class, (ex) -> {
			assertThat(ex.reason()).isEqualTo(ExitReason.crash(boom));
			assertThat(ex.pid()).isEqualTo(server);
		}).hasCause(boom);
	}

	// R11.2
	@Test
	void aQueuedCallIsReleasedAtOnceWhenTheServerCrashesBeforeReachingIt() {
		Pid server = TestServer.create().start(this.runtime);
		Gate gate = new Gate();
		IllegalStateException boom = new IllegalStateException("boom");
		GenServer.cast(server, (TestServer.Step) (state) -> {
			gate.pass();
			throw boom;
		});
		gate.awaitEntered();
		CompletableFuture<Object> call = Async.run(() -> GenServer.call(server, "queued", LONG));
		await().atMost(TestProbe.TIMEOUT)
			.until(() -> this.runtime.info(server).map(ProcessInfo::mailboxDepth).orElse(0) == 1);

		gate.open();

		assertThat(callFailure(call)).isInstanceOfSatisfying(ProcessExitException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(ExitReason.crash(boom)));
	}

	// R11.2
	@Test
	void aCallerIsReleasedAtOnceWhenTheServerIsKilledDuringTheCall() {
		Pid server = TestServer.create().start(this.runtime);
		Gate gate = new Gate();
		CompletableFuture<Object> call = Async.run(() -> GenServer.call(server, (TestServer.CallStep) (from, state) -> {
			gate.pass();
			return new Reply<>("never", state);
		}, LONG));
		gate.awaitEntered();

		this.runtime.exit(server, ExitReason.KILL);

		assertThat(callFailure(call)).isInstanceOfSatisfying(ProcessExitException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(ExitReason.KILLED));
		gate.open();
	}

	// R10.3
	@Test
	void aContinueFromAReplyRunsBeforeTheNextMessage() {
		BlockingQueue<String> order = new LinkedBlockingQueue<>();
		Gate gate = new Gate();
		TestServer.Step slowContinue = (state) -> {
			gate.pass();
			order.add("continue");
			return new NoReply<>(state);
		};
		Pid server = TestServer.create().start(this.runtime);
		Object reply = GenServer.call(server,
				(TestServer.CallStep) (from, state) -> new Reply<>("ok", state, Action.continueWith(slowContinue)));
		gate.awaitEntered();

		GenServer.cast(server, (TestServer.Step) (state) -> {
			order.add("cast");
			return new NoReply<>(state);
		});
		gate.open();
		GenServer.call(server, TestServer.STATE);

		assertThat(reply).isEqualTo("ok");
		assertThat(order).containsExactly("continue", "cast");
	}

	// R11.5
	@Test
	void aDeferredReplyFromAnotherProcessAnswersTheCall() {
		BlockingQueue<From> deferred = new LinkedBlockingQueue<>();
		Pid server = TestServer.create().start(this.runtime);
		TestProbe caller = TestProbe.spawn(this.runtime);
		TestProbe replier = TestProbe.spawn(this.runtime);
		CompletableFuture<Object> answer = Async.run(() -> caller.inside(() -> GenServer.call(server,
				(TestServer.CallStep) (from, state) -> {
					deferred.add(from);
					return new NoReply<>(state);
				}, LONG)));
		From from = poll(deferred);

		replier.inside(() -> {
			from.reply("later");
			return null;
		});

		assertThat(answer).succeedsWithin(TestProbe.TIMEOUT).isEqualTo("later");
		assertThat(from.caller()).isEqualTo(caller.pid());
		assertThat(from.isDone()).isTrue();
	}

	// R11.5
	@Test
	void aPlainThreadCallerHasNoPidInFrom() {
		Pid server = TestServer.create().start(this.runtime);

		Object caller = GenServer.call(server,
				(TestServer.CallStep) (from, state) -> new Reply<>(String.valueOf(from.caller()), state));

		assertThat(caller).isEqualTo("null");
	}

	// R11.2, R11.5
	@Test
	void aCallerWaitingForADeferredReplyIsReleasedAtOnceWhenTheServerDies() {
		Pid server = TestServer.create().start(this.runtime);
		CompletableFuture<Object> call = Async.run(() -> GenServer.call(server,
				(TestServer.CallStep) (from, state) -> new NoReply<>(state), LONG));
		await().atMost(TestProbe.TIMEOUT)
			.until(() -> this.runtime.info(server).map(ProcessInfo::messagesProcessed).orElse(0L) == 1);

		GenServer.cast(server, (TestServer.Step) (state) -> new Stop<>(ExitReason.of("gone"), state));

		assertThat(callFailure(call)).isInstanceOfSatisfying(ProcessExitException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(ExitReason.of("gone")));
	}

	// R11.5
	@Test
	void stopWithReplyRunsTerminateBeforeTheReplyIsDelivered() {
		TestServer behaviour = TestServer.create();
		Pid server = behaviour.start(this.runtime);

		Object reply = GenServer.call(server,
				(TestServer.CallStep) (from, state) -> new StopAndReply<>(ExitReason.SHUTDOWN, "bye", state));

		assertThat(reply).isEqualTo("bye");
		assertThat(behaviour.terminations().peek()).as("terminate ran before the reply").isEqualTo(ExitReason.SHUTDOWN);
	}

	// R11.5
	@Test
	void stopWithoutReplyFailsTheCallerWithTheReasonEvenWhenNormal() {
		Pid server = TestServer.create().start(this.runtime);

		assertThatThrownBy(() -> GenServer.call(server,
				(TestServer.CallStep) (from, state) -> new Stop<>(ExitReason.NORMAL, state), LONG))
			.isInstanceOfSatisfying(ProcessExitException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(ExitReason.NORMAL))
			.hasMessageContaining("normal");
	}

	// R11.5
	@Test
	void aThrowingHandleCallFailsTheCallerWithTheCause() {
		Pid server = TestServer.create().start(this.runtime);
		IllegalArgumentException boom = new IllegalArgumentException("bad request");
		ExitRecorder exit = ExitRecorder.watch(server);

		assertThatThrownBy(() -> GenServer.call(server, (TestServer.CallStep) (from, state) -> {
			throw boom;
		}, LONG)).isInstanceOf(ProcessExitException.class).hasCause(boom).hasMessageContaining("bad request");
		assertThat(exit.reason()).isEqualTo(ExitReason.crash(boom));
	}

	// R11.6
	@Test
	void replyingToADeadCallerIsHarmless() {
		BlockingQueue<From> deferred = new LinkedBlockingQueue<>();
		Pid server = TestServer.create().start(this.runtime);
		TestProbe caller = TestProbe.spawn(this.runtime);
		Async.run(() -> caller.inside(() -> GenServer.call(server, (TestServer.CallStep) (from, state) -> {
			deferred.add(from);
			return new NoReply<>(state);
		}, LONG)));
		From from = poll(deferred);
		ExitRecorder callerExit = ExitRecorder.watch(caller.pid());
		this.runtime.exit(caller.pid(), ExitReason.KILL);
		callerExit.reason();

		Object replied = GenServer.call(server, (TestServer.CallStep) (self, state) -> {
			from.reply("too late");
			return new Reply<>("replied", state);
		});

		assertThat(replied).isEqualTo("replied");
		assertThat(this.runtime.isAlive(server)).isTrue();
	}

	// R11.7
	@Test
	void castToAnExitedPidOrUnknownNameNeverThrows() {
		Pid server = TestServer.create().start(this.runtime);
		GenServer.stop(server);

		assertThatCode(() -> {
			GenServer.cast(server, "lost");
			GenServer.cast(this.runtime.named("ghost"), "lost");
		}).doesNotThrowAnyException();
	}

	// R11.8
	@Test
	void aCallAfterCastsFromTheSameCallerSeesThemAll() {
		Pid server = TestServer.create().start(this.runtime);

		for (int i = 1; i <= 1_000; i++) {
			GenServer.cast(server, i); // a plain cast value becomes the state
		}

		assertThat(GenServer.call(server, TestServer.STATE)).isEqualTo(1_000);
	}

	// R11.8
	@Test
	void aCallAfterCastsFromTheSameProcessSeesThemAll() {
		Pid server = TestServer.create().start(this.runtime);
		TestProbe caller = TestProbe.spawn(this.runtime);

		Object state = caller.inside(() -> {
			for (int i = 1; i <= 1_000; i++) {
				GenServer.cast(server, i);
			}
			return GenServer.call(server, TestServer.STATE);
		});

		assertThat(state).isEqualTo(1_000);
	}

	private static Throwable callFailure(CompletableFuture<?> call) {
		return assertThat(call).failsWithin(TestProbe.TIMEOUT)
			.withThrowableOfType(ExecutionException.class)
			.actual()
			.getCause();
	}

	private static <T> T poll(BlockingQueue<T> queue) {
		try {
			T value = queue.poll(TestProbe.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(value).as("a value within %s", TestProbe.TIMEOUT).isNotNull();
			return value;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	// R11.4, R13.1: many rounds, as the caller used to be released before the link signal went out
	@Test
	void aLinkedCallerThatCatchesTheServersCrashStillDiesThroughTheLink() {
		TestProbe observer = TestProbe.spawn(this.runtime);
		TestServer.CallStep crash = (from, state) -> {
			throw new IllegalStateException("boom");
		};
		for (int i = 0; i < 200; i++) {
			Pid server = TestServer.create().start(this.runtime);
			Pid caller = this.runtime.spawn(() -> (go) -> {
				Self.link(server);
				try {
					GenServer.call(server, crash, LONG);
				}
				catch (ProcessExitException ex) {
					this.runtime.send(observer.pid(), "caught the crash and lived on");
				}
			});
			observer.monitor(caller);
			this.runtime.send(caller, "go");

			Down down = observer.expect(Down.class);
			assertThat(down.pid()).isEqualTo(caller);
			assertThat(down.reason()).isInstanceOfSatisfying(ExitReason.Crash.class,
					(reason) -> assertThat(reason.cause()).hasMessage("boom"));
		}
	}

}
