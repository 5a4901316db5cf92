package dev.otpspring.genserver;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.otpspring.process.Down;
import dev.otpspring.process.Exit;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.ExitRecorder;
import dev.otpspring.process.MonitorRef;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.TestProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When {@code terminate} runs and how a GenServer ends: R12.1 to R12.5. */
class GenServerTerminateTest {

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	// R12.1
	@Test
	void terminateRunsWithTheReasonOfAStopResult() {
		TestServer behaviour = TestServer.create();
		Pid server = behaviour.start(this.runtime);
		ExitRecorder exit = ExitRecorder.watch(server);

		GenServer.cast(server, (TestServer.Step) (state) -> new Stop<>(ExitReason.shutdown("done"), state));

		assertThat(behaviour.terminationReason()).isEqualTo(ExitReason.shutdown("done"));
		assertThat(exit.reason()).isEqualTo(ExitReason.shutdown("done"));
	}

	// R12.1
	@Test
	void terminateRunsWithTheCrashWhenACallbackThrows() {
		TestServer behaviour = TestServer.create();
		Pid server = behaviour.start(this.runtime);
		IllegalStateException boom = new IllegalStateException("boom");

		GenServer.cast(server, (TestServer.Step) (state) -> {
			throw boom;
		});

		assertThat(behaviour.terminationReason()).isEqualTo(ExitReason.crash(boom));
	}

	// R12.1, R12.4
	@Test
	void stopReturnsOnlyOnceTerminateHasRunAndTheNameIsReleased() {
		TestServer behaviour = TestServer.create();
		Pid server = behaviour.start(this.runtime, GenServerOptions.named("stoppable"));

		GenServer.stop(this.runtime.named("stoppable"));

		assertThat(behaviour.terminations()).containsExactly(ExitReason.NORMAL);
		assertThat(this.runtime.isAlive(server)).isFalse();
		assertThat(this.runtime.whereis("stoppable")).isNull();
	}

	// R12.1, R12.4
	@Test
	void stopWithAReasonRunsTerminateWithThatReason() {
		TestServer behaviour = TestServer.create();
		Pid server = behaviour.start(this.runtime);
		ExitRecorder exit = ExitRecorder.watch(server);

		GenServer.stop(server, ExitReason.of("maintenance"), Duration.ofSeconds(5));

		assertThat(behaviour.terminations()).containsExactly(ExitReason.of("maintenance"));
		assertThat(exit.reason()).isEqualTo(ExitReason.of("maintenance"));
	}

	// R12.4
	@Test
	void stoppingAnUnknownServerThrowsNoProcessException() {
		assertThatThrownBy(() -> GenServer.stop(this.runtime.named("ghost"))).isInstanceOf(NoProcessException.class)
			.hasMessageContaining("ghost");
	}

	// R12.4
	@Test
	void aTerminateThatThrowsMakesStopFailWithTheNewReason() {
		IllegalStateException failure = new IllegalStateException("cannot clean up");
		Pid server = TestServer.create().failingToTerminate(failure).start(this.runtime);
		ExitRecorder exit = ExitRecorder.watch(server);

		assertThatThrownBy(() -> GenServer.stop(server)).isInstanceOfSatisfying(ProcessExitException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(ExitReason.crash(failure)));
		assertThat(exit.reason()).isEqualTo(ExitReason.crash(failure));
	}

	// R12.1
	@Test
	void terminateRunsWhenTheParentExitsWhileTheServerTrapsExits() {
		TestServer behaviour = TestServer.trappingExits();
		TestProbe parent = TestProbe.spawn(this.runtime);
		Pid server = parent.inside(() -> GenServer.startLink(behaviour).pid());
		ExitRecorder exit = ExitRecorder.watch(server);

		parent.exitWith(ExitReason.SHUTDOWN);

		assertThat(behaviour.terminationReason()).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(exit.reason()).isEqualTo(ExitReason.SHUTDOWN);
	}

	// R12.1: even a normal exit of the parent stops a trapping server
	@Test
	void terminateRunsWhenTheParentExitsNormallyWhileTheServerTrapsExits() {
		TestServer behaviour = TestServer.trappingExits();
		TestProbe parent = TestProbe.spawn(this.runtime);
		Pid server = parent.inside(() -> GenServer.startLink(behaviour).pid());
		ExitRecorder exit = ExitRecorder.watch(server);

		parent.exitWith(ExitReason.NORMAL);

		assertThat(behaviour.terminationReason()).isEqualTo(ExitReason.NORMAL);
		assertThat(exit.reason()).isEqualTo(ExitReason.NORMAL);
	}

	// R12.2
	@Test
	void terminateDoesNotRunWhenTheServerIsKilled() {
		TestServer behaviour = TestServer.trappingExits();
		Pid server = behaviour.start(this.runtime);
		ExitRecorder exit = ExitRecorder.watch(server);

		this.runtime.exit(server, ExitReason.KILL);

		assertThat(exit.reason()).isEqualTo(ExitReason.KILLED);
		assertThat(behaviour.terminations()).isEmpty();
	}

	// R12.2
	@Test
	void terminateDoesNotRunWhenAnUntrappedExitSignalEndsTheServer() {
		TestServer behaviour = TestServer.create();
		TestProbe parent = TestProbe.spawn(this.runtime);
		Pid server = parent.inside(() -> GenServer.startLink(behaviour).pid());
		ExitRecorder exit = ExitRecorder.watch(server);

		parent.exitWith(ExitReason.SHUTDOWN);

		assertThat(exit.reason()).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(behaviour.terminations()).isEmpty();
	}

	// R12.3
	@Test
	void aTrappingServerGetsAnExitFromANonParentInHandleInfoAndKeepsRunning() {
		TestServer behaviour = TestServer.trappingExits();
		Pid server = behaviour.start(this.runtime);
		TestProbe neighbour = TestProbe.spawn(this.runtime);
		neighbour.link(server);

		neighbour.exitWith(ExitReason.of("boom"));

		assertThat(behaviour.nextInfo()).isEqualTo(new Exit(neighbour.pid(), ExitReason.of("boom")));
		assertThat(GenServer.call(server, "still there")).isEqualTo("still there");
		assertThat(behaviour.terminations()).isEmpty();
	}

	// R12.3: only a start_link makes the starter the parent
	@Test
	void theStarterOfAnUnlinkedServerIsNotItsParent() {
		TestServer behaviour = TestServer.trappingExits();
		TestProbe starter = TestProbe.spawn(this.runtime);
		Pid server = starter.inside(() -> GenServer.start(this.runtime, behaviour).pid());

		starter.inside(() -> this.runtime.exit(server, ExitReason.SHUTDOWN));

		assertThat(behaviour.nextInfo()).isEqualTo(new Exit(starter.pid(), ExitReason.SHUTDOWN));
		assertThat(GenServer.call(server, "still there")).isEqualTo("still there");
		assertThat(behaviour.terminations()).isEmpty();
	}

	// R12.3
	@Test
	void aNonTrappingServerSurvivesANormalExitSignal() {
		TestServer behaviour = TestServer.create();
		TestProbe parent = TestProbe.spawn(this.runtime);
		Pid server = parent.inside(() -> GenServer.startLink(behaviour).pid());
		ExitRecorder parentExit = ExitRecorder.watch(parent.pid()); // told after the links

		parent.exitWith(ExitReason.NORMAL);
		parentExit.reason();

		assertThat(GenServer.call(server, "still there")).isEqualTo("still there");
		assertThat(behaviour.terminations()).isEmpty();
	}

	// R12.5
	@Test
	void theExitReasonReachesLinksAndMonitorsAndTheNameIsReleased() {
		Pid server = TestServer.create().start(this.runtime, GenServerOptions.named("leaving"));
		TestProbe linked = TestProbe.spawnTrapping(this.runtime);
		TestProbe watcher = TestProbe.spawn(this.runtime);
		linked.link(server);
		MonitorRef ref = watcher.monitor(server);

		GenServer.cast(server, (TestServer.Step) (state) -> new Stop<>(ExitReason.of("bye"), state));

		assertThat(linked.expect(Exit.class)).isEqualTo(new Exit(server, ExitReason.of("bye")));
		assertThat(watcher.expect(Down.class)).isEqualTo(new Down(ref, server, ExitReason.of("bye")));
		assertThat(this.runtime.whereis("leaving")).isNull();
	}

}
