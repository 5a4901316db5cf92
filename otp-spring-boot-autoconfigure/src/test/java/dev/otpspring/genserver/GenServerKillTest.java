package dev.otpspring.genserver;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Gate;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Self;
import dev.otpspring.process.TestProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed while its callback runs becomes a zombie the JVM cannot stop (SEMANTICS §5):
 * it is dead at once, and whatever its callback still does must have no effect (R12.2, R16.2).
 * Each test joins the zombie's thread, so everything it will ever do has happened.
 */
class GenServerKillTest {

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	// R12.2
	@Test
	void aServerKilledInsideACallbackNeverRunsTerminate() {
		TestServer behaviour = TestServer.trappingExits();
		Pid server = behaviour.start(this.runtime);
		Gate gate = new Gate();
		GenServer.cast(server, (TestServer.Step) (state) -> {
			gate.pass(); // interrupted by the kill
			return new NoReply<>(state);
		});
		gate.awaitEntered();

		this.runtime.exit(server, ExitReason.KILL);
		Gate.join(gate.holder());

		assertThat(behaviour.terminations()).isEmpty();
	}

	// R12.2
	@Test
	void aServerEndedByAnUntrappedSignalInsideACallbackNeverRunsTerminate() {
		TestServer behaviour = TestServer.create();
		Pid server = behaviour.start(this.runtime);
		Gate gate = new Gate();
		GenServer.cast(server, (TestServer.Step) (state) -> {
			gate.pass();
			return new NoReply<>(state);
		});
		gate.awaitEntered();

		this.runtime.exit(server, ExitReason.SHUTDOWN);
		Gate.join(gate.holder());

		assertThat(behaviour.terminations()).isEmpty();
	}

	// R16.2
	@Test
	void aServerKilledInsideACallbackLogsNoCrashReport() {
		try (LogCapture logs = LogCapture.genServer()) {
			Pid server = TestServer.create().start(this.runtime);
			Gate gate = new Gate();
			GenServer.cast(server, (TestServer.Step) (state) -> {
				gate.pass();
				return new NoReply<>(state);
			});
			gate.awaitEntered();

			this.runtime.exit(server, ExitReason.KILL);
			Gate.join(gate.holder());

			assertThat(logs.errorsAbout(server)).isEmpty();
		}
	}

	@Test
	void whatAZombieStillSendsIsDropped() {
		Pid server = TestServer.create().start(this.runtime);
		TestProbe probe = TestProbe.spawn(this.runtime);
		Gate gate = new Gate();
		GenServer.cast(server, (TestServer.Step) (state) -> {
			gate.passIgnoringInterrupts();
			this.runtime.send(probe.pid(), "from a zombie");
			return new NoReply<>(state);
		});
		gate.awaitEntered();

		this.runtime.exit(server, ExitReason.KILL);
		gate.open();
		Gate.join(gate.holder());

		probe.expectNoMessage();
	}

	@Test
	void aZombieCannotStartALinkedServerNorHoldItsNameForAMoment() {
		Pid server = TestServer.create().start(this.runtime);
		Gate gate = new Gate();
		CompletableFuture<Object> outcome = new CompletableFuture<>();
		GenServer.cast(server, (TestServer.Step) (state) -> {
			gate.passIgnoringInterrupts();
			try {
				outcome.complete(GenServer.startLink(TestServer.create(), GenServerOptions.named("worker")));
			}
			catch (RuntimeException ex) {
				outcome.complete(ex);
			}
			return new NoReply<>(state);
		});
		gate.awaitEntered();
		long spawned = this.runtime.spawnCount();

		this.runtime.exit(server, ExitReason.KILL);
		gate.open();
		Gate.join(gate.holder());

		// the zombie is told, and no process ever ran or held "worker" (SEMANTICS §5)
		assertThat(outcome.join()).isInstanceOfSatisfying(NoProcessException.class,
				(ex) -> assertThat(ex).hasMessageContaining(server.toString()));
		assertThat(this.runtime.spawnCount()).isEqualTo(spawned);
	}

	@Test
	void aZombieCallbackCannotLeaveAnIdleTimerBehind() {
		int baseline = this.runtime.timerCount();
		Pid server = TestServer.create().start(this.runtime);
		Gate gate = new Gate();
		GenServer.cast(server, (TestServer.Step) (state) -> {
			gate.passIgnoringInterrupts();
			return new NoReply<>(state, Action.timeout(Duration.ofHours(1)));
		});
		gate.awaitEntered();

		this.runtime.exit(server, ExitReason.KILL);
		gate.open();
		Gate.join(gate.holder());

		assertThat(this.runtime.timerCount()).isEqualTo(baseline);
	}

	// R10.2, R6.7
	@Test
	void aZombieInitDoesNotTakeTheNameFromTheServerStartedAfterIt() {
		Gate gate = new Gate();
		StartResult timedOut = GenServer.start(this.runtime, TestServer.withInit(() -> {
			gate.passIgnoringInterrupts();
			throw new IllegalStateException("init gave up late");
		}), GenServerOptions.named("contested").withInitTimeout(Duration.ofMillis(50)));
		Pid successor = TestServer.create().start(this.runtime, GenServerOptions.named("contested"));

		gate.open();
		Gate.join(gate.holder());

		assertThat(timedOut).isEqualTo(new StartResult.Error(ExitReason.of("timeout")));
		assertThat(this.runtime.whereis("contested")).isEqualTo(successor);
	}

	// R10.2, R16.2
	@Test
	void anInitKilledByItsTimeoutLogsNoCrashReport() {
		try (LogCapture logs = LogCapture.genServer()) {
			Gate gate = new Gate();
			Pid[] pid = new Pid[1];
			GenServer.start(this.runtime, TestServer.withInit(() -> {
				pid[0] = Self.pid();
				gate.pass(); // interrupted by the kill
				return Init.ok("too late");
			}), GenServerOptions.DEFAULTS.withInitTimeout(Duration.ofMillis(50)));
			Gate.join(gate.holder());

			assertThat(logs.errorsAbout(pid[0])).isEmpty();
		}
	}

}
