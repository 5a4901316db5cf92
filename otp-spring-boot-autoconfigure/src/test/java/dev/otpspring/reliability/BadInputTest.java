package dev.otpspring.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.otpspring.agent.Agent;
import dev.otpspring.genserver.AlreadyStarted;
import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.genserver.Reply;
import dev.otpspring.genserver.StartFailedException;
import dev.otpspring.genserver.StartResult;
import dev.otpspring.genserver.TestServer;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.supervisor.ChildSpec;
import dev.otpspring.supervisor.DynamicSupervisor;
import dev.otpspring.supervisor.DynamicSupervisorSpec;
import dev.otpspring.supervisor.Strategy;
import dev.otpspring.supervisor.Supervisor;
import dev.otpspring.supervisor.SupervisorSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input fails clearly, in the caller, and loses nothing: null messages and arguments, a name
 * already taken, calls after the runtime is closed. Above all, bad input sent to a server must not
 * crash it — its Pid and its state survive.
 */
class BadInputTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void close() {
		this.runtime.close();
	}

	@Test
	void nullMessagesFailInTheCallerNamingWhatWasNullAndTheServerLosesNothing() {
		Pid server = TestServer.create().start(this.runtime);
		GenServer.cast(server, "kept"); // the state
		long deadLetters = this.runtime.deadLetterCount();

		assertThatNullPointerException().isThrownBy(() -> this.runtime.send(server, null))
			.withMessage("message to " + server + " must not be null");
		assertThatNullPointerException().isThrownBy(() -> GenServer.call(server, null))
			.withMessage("request must not be null");
		assertThatNullPointerException().isThrownBy(() -> GenServer.cast(server, null))
			.withMessage("request must not be null");
		assertThatNullPointerException().isThrownBy(() -> GenServer.callAsync(server, null, TIMEOUT))
			.withMessage("request must not be null");

		// a round trip: everything sent before it has been handled, and nothing was queued or lost
		assertThat(GenServer.call(server, TestServer.STATE)).isEqualTo("kept");
		assertThat(this.runtime.info(server).orElseThrow().mailboxDepth()).isZero();
		assertThat(this.runtime.deadLetterCount()).isEqualTo(deadLetters);
	}

	@Test
	void nullArgumentsFailInTheCallerNamingWhatWasNull() {
		Pid server = TestServer.create().start(this.runtime);

		assertThatNullPointerException().isThrownBy(() -> this.runtime.spawn(null)).withMessage("body must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.runtime.send(null, "message"))
			.withMessage("destination must not be null");
		assertThatNullPointerException().isThrownBy(() -> GenServer.call(null, "request"))
			.withMessage("server must not be null");
		assertThatNullPointerException().isThrownBy(() -> GenServer.call(server, "request", null))
			.withMessage("timeout must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.runtime.exit(server, null))
			.withMessage("reason must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.runtime.exit(null, ExitReason.KILL))
			.withMessage("target must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.runtime.register(null, server))
			.withMessage("name must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.runtime.whereis(null))
			.withMessage("name must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.runtime.named(null))
			.withMessage("name must not be null");
		assertThatNullPointerException().isThrownBy(() -> GenServer.stop(server, null, TIMEOUT))
			.withMessage("reason must not be null");
		assertThat(this.runtime.isAlive(server)).isTrue();
	}

	@Test
	void aNullFunctionIsRefusedInTheCallerAndTheAgentKeepsItsValue() {
		Agent<Integer> agent = Agent.of(Agent.start(this.runtime, () -> 1, GenServerOptions.DEFAULTS).pid());
		Pid pid = agent.ref().whereis();

		assertThatNullPointerException().isThrownBy(() -> agent.get(null)).withMessage("function must not be null");
		assertThatNullPointerException().isThrownBy(() -> agent.update(null)).withMessage("function must not be null");
		assertThatNullPointerException().isThrownBy(() -> agent.getAndUpdate(null))
			.withMessage("function must not be null");
		assertThatNullPointerException().isThrownBy(() -> agent.cast(null)).withMessage("function must not be null");

		assertThat(agent.<Integer>get((value) -> value)).isEqualTo(1);
		assertThat(agent.ref().whereis()).isEqualTo(pid);
	}

	@Test
	void aNullChildSpecIsRefusedInTheCallerAndTheSupervisorAndItsChildrenLiveOn() {
		ChildSpec child = ChildSpec.worker("a", () -> GenServer.startLink(TestServer.create(), GenServerOptions.named("a")));
		Supervisor supervisor = Supervisor.of(
				Supervisor.start(this.runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(child))).pid());
		DynamicSupervisor dynamic = DynamicSupervisor
			.of(DynamicSupervisor.start(this.runtime, DynamicSupervisorSpec.defaults()).pid());
		Pid a = this.runtime.whereis("a");

		assertThatNullPointerException().isThrownBy(() -> supervisor.startChild(null)).withMessage("spec must not be null");
		assertThatNullPointerException().isThrownBy(() -> dynamic.startChild(null)).withMessage("spec must not be null");

		assertThat(this.runtime.isAlive(supervisor.ref().whereis())).isTrue();
		assertThat(this.runtime.isAlive(dynamic.ref().whereis())).isTrue();
		assertThat(this.runtime.whereis("a")).isEqualTo(a);
	}

	// R15.2, R6.7
	@Test
	void startingUnderATakenNameFailsNamingTheHolderWhichKeepsItAndNothingIsLeftBehind() {
		Pid holder = TestServer.create().start(this.runtime, GenServerOptions.named("service"));
		long processes = this.runtime.processCount();
		TestServer newcomer = TestServer.create();

		StartResult result = GenServer.start(this.runtime, newcomer, GenServerOptions.named("service"));

		assertThat(result).isEqualTo(new StartResult.Error(ExitReason.of(new AlreadyStarted(holder))));
		assertThatThrownBy(result::pid).isInstanceOf(StartFailedException.class)
			.hasMessageContaining("already_started")
			.hasMessageContaining(holder.toString());
		assertThat(newcomer.initCount()).isZero();
		assertThat(this.runtime.whereis("service")).isEqualTo(holder);
		assertThat(this.runtime.processCount()).isEqualTo(processes);
	}

	@Test
	void afterTheRuntimeIsClosedNothingStartsAndAnAsynchronousCallIsRefusedBeforeAnythingIsSent() {
		Pid running = TestServer.create().start(this.runtime);
		Pid stopped = TestServer.create().start(this.runtime);
		GenServer.stop(stopped);
		Queue<Object> handled = new ConcurrentLinkedQueue<>();
		TestServer.CallStep late = (from, state) -> {
			handled.add("late");
			return new Reply<>("late", state);
		};

		this.runtime.close();

		assertThatThrownBy(() -> this.runtime.spawn(() -> (message) -> {
		})).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
		assertThatThrownBy(() -> GenServer.start(this.runtime, TestServer.create()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("closed");
		assertThatThrownBy(() -> GenServer.call(stopped, "request")).isInstanceOf(NoProcessException.class);
		// closing the runtime stops its timers, not its processes: a plain call is still answered ...
		assertThat(GenServer.call(running, "request")).isEqualTo("request");
		// ... but a call whose timeout needs a timer is refused before it is sent, and so is a timer
		assertThatThrownBy(() -> GenServer.callAsync(running, late, TIMEOUT)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("closed");
		assertThatThrownBy(() -> this.runtime.sendAfter(running, "tick", TIMEOUT))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("closed");
		assertThat(GenServer.call(running, TestServer.STATE)).isEqualTo("initial"); // a round trip
		assertThat(handled).isEmpty();
	}

}
