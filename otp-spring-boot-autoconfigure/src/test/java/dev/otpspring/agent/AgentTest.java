package dev.otpspring.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.otpspring.genserver.AlreadyStarted;
import dev.otpspring.genserver.CallTimeoutException;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.Exit;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.ExitRecorder;
import dev.otpspring.process.Gate;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Self;
import dev.otpspring.process.TestProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Agents: R14.1 to R14.3. */
class AgentTest {

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	private Agent<List<String>> startList() {
		return Agent.of(Agent.start(this.runtime, ArrayList::new, GenServerOptions.DEFAULTS).pid());
	}

	// R14.1
	@Test
	void startRunsTheInitialValueSupplierInsideTheNewProcess() {
		AtomicReference<Pid> supplierRanIn = new AtomicReference<>();

		StartResult result = Agent.start(this.runtime, () -> {
			supplierRanIn.set(Self.pid());
			return 0;
		}, GenServerOptions.DEFAULTS);

		assertThat(supplierRanIn.get()).isEqualTo(result.pid());
	}

	// R14.1
	@Test
	void aThrowingSupplierFailsTheStart() {
		IllegalStateException failure = new IllegalStateException("no initial value");

		StartResult result = Agent.start(this.runtime, () -> {
			throw failure;
		}, GenServerOptions.DEFAULTS);

		assertThat(result).isEqualTo(new StartResult.Error(ExitReason.crash(failure)));
	}

	// R14.1, R15.2
	@Test
	void aTakenNameGivesAlreadyStarted() {
		Pid holder = Agent.start(this.runtime, () -> 1, GenServerOptions.named("cache")).pid();

		StartResult second = Agent.start(this.runtime, () -> 2, GenServerOptions.named("cache"));

		assertThat(second).isEqualTo(new StartResult.Error(ExitReason.of(new AlreadyStarted(holder))));
	}

	// R14.2
	@Test
	void getAppliesTheFunctionInsideTheAgent() {
		Pid pid = Agent.start(this.runtime, () -> 41, GenServerOptions.DEFAULTS).pid();
		Agent<Integer> agent = Agent.of(pid);

		assertThat(agent.<Integer>get((value) -> value + 1)).isEqualTo(42);
		assertThat(agent.<Pid>get((value) -> Self.pid())).isEqualTo(pid);
	}

	// R14.2
	@Test
	void updateReplacesTheValueBeforeReturning() {
		Agent<List<String>> agent = startList();

		agent.update((list) -> {
			list.add("a");
			return list;
		});

		assertThat(agent.<List<String>>get(List::copyOf)).containsExactly("a");
	}

	// R14.2
	@Test
	void getAndUpdateReturnsTheReplyAndKeepsTheNewValue() {
		Agent<Integer> agent = Agent.of(Agent.start(this.runtime, () -> 1, GenServerOptions.DEFAULTS).pid());

		String reply = agent.getAndUpdate((value) -> new GetAndUpdate<>("was " + value, value * 10));

		assertThat(reply).isEqualTo("was 1");
		assertThat(agent.<Integer>get((value) -> value)).isEqualTo(10);
	}

	// R14.2, R11.8
	@Test
	void aGetAfterCastsSeesThem() {
		Agent<List<String>> agent = startList();

		for (int i = 0; i < 100; i++) {
			String item = "item" + i;
			agent.cast((list) -> {
				list.add(item);
				return list;
			});
		}

		assertThat(agent.<Integer>get(List::size)).isEqualTo(100);
		assertThat(agent.<String>get((list) -> list.get(99))).isEqualTo("item99");
	}

	@Test
	void aNamedAgentIsReachedByName() {
		Agent.start(this.runtime, () -> "value", GenServerOptions.named("settings"));

		Agent<String> agent = Agent.of(this.runtime.named("settings"));

		assertThat(agent.<String>get(String::toUpperCase)).isEqualTo("VALUE");
	}

	// R14.3
	@Test
	void aThrowingGetCrashesTheAgentAndTheCallerGetsTheException() {
		Agent<List<String>> agent = startList();
		ExitRecorder exit = ExitRecorder.watch(agent.ref().whereis());
		IllegalArgumentException failure = new IllegalArgumentException("bad function");

		assertThatThrownBy(() -> agent.get((list) -> {
			throw failure;
		})).isInstanceOfSatisfying(ProcessExitException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(ExitReason.crash(failure))).hasCause(failure);
		assertThat(exit.reason()).isEqualTo(ExitReason.crash(failure));
	}

	// R14.3
	@Test
	void aThrowingUpdateCrashesTheAgentAndTheCallerGetsTheException() {
		Agent<List<String>> agent = startList();
		IllegalArgumentException failure = new IllegalArgumentException("bad update");

		assertThatThrownBy(() -> agent.update((list) -> {
			throw failure;
		})).isInstanceOf(ProcessExitException.class).hasCause(failure);
	}

	// R14.2: a bad return value stops the agent
	@Test
	void aGetAndUpdateReturningNullCrashesTheAgent() {
		Agent<List<String>> agent = startList();

		assertThatThrownBy(() -> agent.getAndUpdate((list) -> null)).isInstanceOf(ProcessExitException.class)
			.hasCauseInstanceOf(IllegalStateException.class);
	}

	// R14.3
	@Test
	void aThrowingCastKillsTheAgentSilentlyForTheCaller() {
		Agent<List<String>> agent = startList();
		ExitRecorder exit = ExitRecorder.watch(agent.ref().whereis());
		IllegalArgumentException failure = new IllegalArgumentException("bad cast");

		assertThatCode(() -> agent.cast((list) -> {
			throw failure;
		})).doesNotThrowAnyException();

		assertThat(exit.reason()).isEqualTo(ExitReason.crash(failure));
	}

	@Test
	void aGetThatTakesLongerThanItsTimeoutFailsAndTheAgentCarriesOn() {
		Agent<List<String>> agent = startList();
		Gate gate = new Gate();
		CompletableFuture<Object> slow = CompletableFuture.supplyAsync(() -> agent.get((list) -> {
			try {
				gate.pass();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "slow";
		}, Duration.ofMinutes(1)));
		gate.awaitEntered();

		assertThatThrownBy(() -> agent.get(List::size, Duration.ofMillis(20)))
			.isInstanceOf(CallTimeoutException.class)
			.hasMessageContaining("20 ms");
		gate.open();

		assertThat(slow).succeedsWithin(TestProbe.TIMEOUT).isEqualTo("slow");
		assertThat(agent.<Integer>get(List::size)).isZero();
	}

	@Test
	void stopEndsTheAgentNormally() {
		Agent<List<String>> agent = startList();
		Pid pid = agent.ref().whereis();
		ExitRecorder exit = ExitRecorder.watch(pid);

		agent.stop();

		assertThat(exit.reason()).isEqualTo(ExitReason.NORMAL);
		assertThatThrownBy(() -> agent.get(List::size)).isInstanceOf(NoProcessException.class);
	}

	@Test
	void stopWithAReasonEndsTheAgentWithIt() {
		Agent<List<String>> agent = startList();
		ExitRecorder exit = ExitRecorder.watch(agent.ref().whereis());

		agent.stop(ExitReason.SHUTDOWN, Duration.ofSeconds(5));

		assertThat(exit.reason()).isEqualTo(ExitReason.SHUTDOWN);
	}

	@Test
	void startLinkLinksTheAgentToTheCaller() {
		TestProbe parent = TestProbe.spawnTrapping(this.runtime);
		Pid agent = parent.inside(() -> Agent.startLink(() -> 0, GenServerOptions.DEFAULTS).pid());

		this.runtime.exit(agent, ExitReason.KILL);

		assertThat(parent.expect(Exit.class)).isEqualTo(new Exit(agent, ExitReason.KILLED));
	}

	// R11.3, R14.2: an agent's get is a call like any other
	@Test
	void aGetWithTimeoutZeroTimesOutAtOnceAndTheAgentLivesOn() {
		for (int i = 0; i < 200; i++) {
			Agent<List<String>> agent = startList();

			assertThatThrownBy(() -> agent.get(List::size, Duration.ZERO)).isInstanceOf(CallTimeoutException.class);
			assertThat(agent.<Integer>get(List::size)).isZero();
			agent.stop();
		}
	}

}
