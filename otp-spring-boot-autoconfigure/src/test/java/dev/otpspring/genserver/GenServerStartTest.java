package dev.otpspring.genserver;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.otpspring.process.Down;
import dev.otpspring.process.Exit;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.ExitRecorder;
import dev.otpspring.process.Gate;
import dev.otpspring.process.NotInProcessException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Self;
import dev.otpspring.process.TestProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting a GenServer: R10.1, R10.2, R10.3 (from init), R6.7, and modern OTP start failures. */
class GenServerStartTest {

	private static final IllegalStateException INIT_FAILURE = new IllegalStateException("init failed");

	private final OtpRuntime runtime = OtpRuntime.create();

	/** Exit recorders that failing inits set up on themselves, before their process exits. */
	private final BlockingQueue<ExitRecorder> initExits = new LinkedBlockingQueue<>();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	/** Wraps an init result so the test can learn how the process exits. */
	private TestServer.InitStep recordingExit(TestServer.InitStep init) {
		return () -> {
			this.initExits.add(ExitRecorder.watch(Self.pid()));
			return init.run();
		};
	}

	private ExitRecorder initExit() throws InterruptedException {
		ExitRecorder exit = this.initExits.poll(TestProbe.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(exit).as("init ran").isNotNull();
		return exit;
	}

	// R10.1
	@Test
	void initOkStartsTheServerWithItsState() {
		StartResult result = GenServer.start(this.runtime, TestServer.withInit(() -> Init.ok("ready")));

		assertThat(result).isInstanceOf(StartResult.Ok.class);
		assertThat(GenServer.call(result.pid(), TestServer.STATE)).isEqualTo("ready");
	}

	// R10.1
	@Test
	void initIgnoreGivesIgnoreAndTheProcessExitsNormally() throws InterruptedException {
		StartResult result = GenServer.start(this.runtime, TestServer.withInit(recordingExit(Init::ignore)));

		assertThat(result).isInstanceOf(StartResult.Ignore.class);
		assertThat(initExit().reason()).isEqualTo(ExitReason.NORMAL);
	}

	// R10.1
	@Test
	void initStopGivesAnErrorWithTheReasonAndTheProcessExitsWithIt() throws InterruptedException {
		StartResult result = GenServer.start(this.runtime,
				TestServer.withInit(recordingExit(() -> Init.stop(ExitReason.of("no database")))));

		assertThat(result).isEqualTo(new StartResult.Error(ExitReason.of("no database")));
		assertThat(initExit().reason()).isEqualTo(ExitReason.of("no database"));
	}

	// R10.1, OTP 26 {error, Reason}
	@Test
	void initErrorGivesAnErrorButTheProcessExitsNormally() throws InterruptedException {
		StartResult result = GenServer.start(this.runtime,
				TestServer.withInit(recordingExit(() -> Init.error("no database"))));

		assertThat(result).isEqualTo(new StartResult.Error(ExitReason.of("no database")));
		assertThat(initExit().reason()).isEqualTo(ExitReason.NORMAL);
	}

	// R10.1
	@Test
	void aThrowingInitGivesAnErrorCarryingTheException() throws InterruptedException {
		StartResult result = GenServer.start(this.runtime, TestServer.withInit(recordingExit(() -> {
			throw INIT_FAILURE;
		})));

		assertThat(result).isEqualTo(new StartResult.Error(ExitReason.crash(INIT_FAILURE)));
		assertThat(initExit().reason()).isEqualTo(ExitReason.crash(INIT_FAILURE));
		assertThatThrownBy(result::pid).isInstanceOf(StartFailedException.class).hasCause(INIT_FAILURE);
	}

	static Stream<Arguments> failingInits() {
		return Stream.of(
				Arguments.of("ignore", (TestServer.InitStep) Init::ignore),
				Arguments.of("stop", (TestServer.InitStep) () -> Init.stop(ExitReason.of("no database"))),
				Arguments.of("error", (TestServer.InitStep) () -> Init.error("no database")),
				Arguments.of("throw", (TestServer.InitStep) () -> {
					throw INIT_FAILURE;
				}));
	}

	// R10.1
	@ParameterizedTest(name = "init {0}")
	@MethodSource("failingInits")
	void terminateIsNotCalledWhenInitDoesNotStart(String kind, TestServer.InitStep init) throws InterruptedException {
		TestServer server = TestServer.withInit(recordingExit(init));

		GenServer.start(this.runtime, server);
		initExit().reason();

		assertThat(server.terminations()).isEmpty();
	}

	static Stream<Arguments> sparingInits() {
		return failingInits().filter((init) -> init.get()[0].equals("ignore") || init.get()[0].equals("error"));
	}

	static Stream<Arguments> exitingInits() {
		return failingInits().filter((init) -> init.get()[0].equals("stop") || init.get()[0].equals("throw"));
	}

	// R6.5: ignore exits normal; error is OTP 26's failed start that spares the starter
	@ParameterizedTest(name = "init {0}")
	@MethodSource("sparingInits")
	void aStartLinkFailingWithIgnoreOrErrorLeavesANonTrappingStarterAlive(String kind, TestServer.InitStep init)
			throws InterruptedException {
		TestProbe starter = TestProbe.spawn(this.runtime);

		StartResult result = starter.inside(() -> GenServer.startLink(TestServer.withInit(recordingExit(init))));
		initExit().reason();

		assertThat(result).isNotInstanceOf(StartResult.Ok.class);
		assertThat(this.runtime.isAlive(starter.pid())).isTrue();
		starter.expectNoMessage();
	}

	// R6.5 (OTP 26): the link is gone before the exit, so even a trapping starter sees none
	@ParameterizedTest(name = "init {0}")
	@MethodSource("sparingInits")
	void aStartLinkFailingWithIgnoreOrErrorSendsNoExitToATrappingStarter(String kind, TestServer.InitStep init)
			throws InterruptedException {
		TestProbe starter = TestProbe.spawnTrapping(this.runtime);

		starter.inside(() -> GenServer.startLink(TestServer.withInit(recordingExit(init))));
		initExit().reason();

		starter.expectNoMessage();
	}

	// R6.5: stop or a raise in init exits the process, and the link takes the starter with it
	// before it can use the answer
	@ParameterizedTest(name = "init {0}")
	@MethodSource("exitingInits")
	void aStartLinkWhoseInitStopsOrRaisesKillsANonTrappingStarter(String kind, TestServer.InitStep init)
			throws InterruptedException {
		TestProbe observer = TestProbe.spawn(this.runtime);
		Pid starter = this.runtime.spawn(() -> (go) -> {
			StartResult result = GenServer.startLink(TestServer.withInit(recordingExit(init)));
			this.runtime.send(observer.pid(), "starter lived on with " + result);
		});
		observer.monitor(starter);

		this.runtime.send(starter, "go");
		ExitReason initReason = initExit().reason();

		Down down = observer.expect(Down.class);
		assertThat(down.pid()).isEqualTo(starter);
		assertThat(down.reason()).isEqualTo(initReason);
		observer.expectNoMessage();
	}

	// R6.5: a trapping starter gets both the error and the exit message
	@ParameterizedTest(name = "init {0}")
	@MethodSource("exitingInits")
	void aStartLinkWhoseInitStopsOrRaisesGivesATrappingStarterTheErrorAndAnExit(String kind,
			TestServer.InitStep init) throws InterruptedException {
		TestProbe starter = TestProbe.spawnTrapping(this.runtime);

		StartResult result = starter.inside(() -> GenServer.startLink(TestServer.withInit(recordingExit(init))));
		ExitReason initReason = initExit().reason();

		assertThat(result).isEqualTo(new StartResult.Error(initReason));
		Exit exit = starter.expect(Exit.class);
		assertThat(exit.reason()).isEqualTo(initReason);
	}

	@Test
	void startLinkLinksTheServerToTheStarter() {
		TestProbe starter = TestProbe.spawnTrapping(this.runtime);
		Pid server = starter.inside(() -> GenServer.startLink(TestServer.create()).pid());

		this.runtime.exit(server, ExitReason.of("boom"));

		assertThat(starter.expect(Exit.class))
			.isEqualTo(new Exit(server, ExitReason.of("boom")));
	}

	@Test
	void startLinkOutsideAProcessThrowsNotInProcessException() {
		assertThatThrownBy(() -> GenServer.startLink(TestServer.create())).isInstanceOf(NotInProcessException.class)
			.hasMessageContaining("GenServer.startLink");
	}

	// R6.7
	@Test
	void theNameIsRegisteredBeforeInitRuns() {
		BlockingQueue<Boolean> nameWasMine = new LinkedBlockingQueue<>();

		GenServer.start(this.runtime, TestServer.withInit(() -> {
			nameWasMine.add(Self.pid().equals(this.runtime.whereis("registered-early")));
			return Init.ok("ready");
		}), GenServerOptions.named("registered-early"));

		assertThat(nameWasMine.poll()).isTrue();
	}

	// R6.7, R15.2
	@Test
	void aTakenNameGivesAlreadyStartedWithTheHolderAndInitNeverRuns() {
		Pid holder = TestServer.create().start(this.runtime, GenServerOptions.named("taken"));
		TestServer second = TestServer.create();

		StartResult result = GenServer.start(this.runtime, second, GenServerOptions.named("taken"));

		assertThat(result).isEqualTo(new StartResult.Error(ExitReason.of(new AlreadyStarted(holder))));
		assertThat(second.initCount()).isZero();
		assertThat(this.runtime.whereis("taken")).isEqualTo(holder);
	}

	// R6.7
	@ParameterizedTest(name = "init {0}")
	@MethodSource("failingInits")
	void theNameIsFreeAsSoonAsAFailedStartReturns(String kind, TestServer.InitStep init) {
		GenServer.start(this.runtime, TestServer.withInit(init), GenServerOptions.named("retry"));

		assertThat(this.runtime.whereis("retry")).isNull();
		StartResult retry = GenServer.start(this.runtime, TestServer.create(), GenServerOptions.named("retry"));
		assertThat(retry).isInstanceOf(StartResult.Ok.class);
		assertThat(this.runtime.whereis("retry")).isEqualTo(retry.pid());
	}

	// R10.2
	@Test
	void anInitThatOutlivesTheInitTimeoutGivesErrorTimeoutAndIsKilled() throws InterruptedException {
		Gate gate = new Gate();
		try {
			StartResult result = GenServer.start(this.runtime, TestServer.withInit(recordingExit(() -> {
				gate.pass();
				return Init.ok("too late");
			})), GenServerOptions.DEFAULTS.withInitTimeout(Duration.ofMillis(50)));

			assertThat(result).isEqualTo(new StartResult.Error(ExitReason.of("timeout")));
			assertThat(initExit().reason()).isEqualTo(ExitReason.KILLED);
		}
		finally {
			gate.open();
		}
	}

	// R10.2
	@Test
	void aStartLinkThatTimesOutDoesNotTakeTheStarterWithIt() throws InterruptedException {
		Gate gate = new Gate();
		TestProbe starter = TestProbe.spawn(this.runtime);
		try {
			StartResult result = starter.inside(() -> GenServer.startLink(TestServer.withInit(recordingExit(() -> {
				gate.pass();
				return Init.ok("too late");
			})), GenServerOptions.DEFAULTS.withInitTimeout(Duration.ofMillis(50))));

			assertThat(result).isEqualTo(new StartResult.Error(ExitReason.of("timeout")));
			assertThat(initExit().reason()).isEqualTo(ExitReason.KILLED);
			assertThat(this.runtime.isAlive(starter.pid())).isTrue();
		}
		finally {
			gate.open();
		}
	}

	// R10.3
	@Test
	void aContinueFromInitRunsBeforeTheFirstMessage() {
		BlockingQueue<String> order = new LinkedBlockingQueue<>();
		Gate gate = new Gate();
		TestServer.Step slowContinue = (state) -> {
			gate.pass();
			order.add("continue");
			return new NoReply<>(state);
		};
		Pid pid = TestServer.withInit(() -> Init.ok("ready", Action.continueWith(slowContinue))).start(this.runtime);
		gate.awaitEntered();

		GenServer.cast(pid, (TestServer.Step) (state) -> {
			order.add("cast");
			return new NoReply<>(state);
		});
		gate.open();
		GenServer.call(pid, TestServer.STATE);

		assertThat(order).containsExactly("continue", "cast");
	}

}
