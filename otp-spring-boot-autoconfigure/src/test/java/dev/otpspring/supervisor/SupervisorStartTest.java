package dev.otpspring.supervisor;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.otpspring.genserver.AlreadyStarted;
import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.Down;
import dev.otpspring.process.Exit;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;
import dev.otpspring.process.TestProbe;

import static dev.otpspring.supervisor.ChildProbe.Outcome.FAIL_INIT;
import static dev.otpspring.supervisor.ChildProbe.Outcome.IGNORE;
import static dev.otpspring.supervisor.ChildProbe.Outcome.THROW;
import static dev.otpspring.supervisor.SupervisionKit.await;
import static dev.otpspring.supervisor.SupervisionKit.child;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/** Starting a supervisor: in order, synchronously, and failing as a whole (R6.1–R6.4). */
@Timeout(30)
class SupervisorStartTest {

	private final SupervisionKit kit = SupervisionKit.withFrozenClock();

	private final ChildProbe probe = this.kit.probe;

	@AfterEach
	void close() throws Exception {
		this.kit.close();
	}

	/** a and b trap exits so their terminate is logged; c is scripted by the test; d comes last. */
	private SupervisorSpec abcd() {
		return SupervisorSpec.of(Strategy.ONE_FOR_ONE,
				List.of(this.probe.trapping("a"), this.probe.trapping("b"), this.probe.worker("c"), this.probe.worker("d")));
	}

	@Test
	void childrenStartInOrderEachBeforeTheNextBegins() {
		List<String> seenByInit = new CopyOnWriteArrayList<>();
		TestWorker.Options options = TestWorker.Options.DEFAULT
			.onInit((id) -> seenByInit.add(id + " sees " + this.kit.runtime.registeredNames().stream().sorted().toList()));

		Supervisor supervisor = this.kit.start(SupervisorSpec.of(Strategy.ONE_FOR_ONE,
				List.of(this.probe.spec("a", options), this.probe.spec("b", options), this.probe.spec("c", options))));

		// R6.2: each init runs after the previous child is up and registered (its own name is
		// registered before its init, R6.7); start returns after all
		assertThat(seenByInit).containsExactly("a sees [a]", "b sees [a, b]", "c sees [a, b, c]");
		assertThat(supervisor.whichChildren()).extracting(ChildInfo::status).containsOnly(ChildStatus.RUNNING);
	}

	@Test
	void childFailingToStartFailsTheSupervisorStartWithFailedToStartChild() {
		this.probe.script("c", FAIL_INIT);

		StartResult result = Supervisor.start(this.kit.runtime, abcd());

		// R6.4: Error({shutdown, {failed_to_start_child, c, Reason}})
		assertThat(result).isEqualTo(new StartResult.Error(
				ExitReason.shutdown(new FailedToStartChild("c", ChildProbe.initFailure("c")))));
	}

	@Test
	void startFunctionThatThrowsFailsTheSupervisorStartWithTheException() {
		this.probe.script("c", THROW);

		StartResult result = Supervisor.start(this.kit.runtime, abcd());

		// R6.3, R6.4: an exception is a failed start; its reason is the crash
		assertThat(result).asInstanceOf(type(StartResult.Error.class))
			.extracting(StartResult.Error::reason)
			.asInstanceOf(type(ExitReason.ShutdownWith.class))
			.extracting(ExitReason.ShutdownWith::term)
			.asInstanceOf(type(FailedToStartChild.class))
			.satisfies((failed) -> {
				assertThat(failed.childId()).isEqualTo("c");
				assertThat(failed.reason()).isInstanceOf(ExitReason.Crash.class);
			});
	}

	@Test
	void childrenStartedBeforeTheFailureAreStoppedInReverseOrder() {
		this.probe.script("c", FAIL_INIT);

		Supervisor.start(this.kit.runtime, abcd());

		// R6.4: b then a, with shutdown; nothing left running
		assertThat(this.probe.entries("terminate ")).containsExactly("terminate b shutdown", "terminate a shutdown");
		assertThat(this.kit.runtime.registeredNames()).isEmpty();
	}

	@Test
	void childrenAfterTheFailureAreNeverStarted() {
		this.probe.script("c", FAIL_INIT);

		Supervisor.start(this.kit.runtime, abcd());

		// R6.4
		assertThat(this.probe.attempts("d")).isZero();
	}

	@Test
	void failedStartPublishesStartFailed() {
		this.probe.script("c", FAIL_INIT);

		Supervisor.start(this.kit.runtime, abcd());

		// R6.4: the start_error report, as an event
		assertThat(this.kit.events.all(SupervisorEvent.StartFailed.class)).singleElement().satisfies((failed) -> {
			assertThat(failed.childId()).isEqualTo("c");
			assertThat(failed.reason()).isEqualTo(ChildProbe.initFailure("c"));
			assertThat(failed.retrying()).isFalse();
		});
	}

	// R6.4, R6.5: the supervisor exits {shutdown, {failed_to_start_child, ...}}, and the link takes a
	// non-trapping starter with it
	@Test
	void failedStartKillsTheLinkedStarter() {
		this.probe.script("c", FAIL_INIT);
		TestProbe observer = TestProbe.spawn(this.kit.runtime);
		Pid starter = this.kit.runtime.spawn(() -> (go) -> {
			StartResult result = Supervisor.startLink(abcd());
			this.kit.runtime.send(observer.pid(), "starter lived on with " + result);
		});
		observer.monitor(starter);

		this.kit.runtime.send(starter, "go");

		Down down = observer.expect(Down.class);
		assertThat(down.pid()).isEqualTo(starter);
		assertThat(down.reason())
			.isEqualTo(ExitReason.shutdown(new FailedToStartChild("c", ChildProbe.initFailure("c"))));
		observer.expectNoMessage();
	}

	// R6.5: a trapping starter gets the error as a value and the supervisor's exit as a message
	@Test
	void failedStartGivesATrappingStarterTheErrorAndAnExit() {
		this.probe.script("c", FAIL_INIT);
		TestProbe starter = TestProbe.spawnTrapping(this.kit.runtime);

		StartResult result = starter.inside(() -> Supervisor.startLink(abcd()));

		ExitReason expected = ExitReason.shutdown(new FailedToStartChild("c", ChildProbe.initFailure("c")));
		assertThat(result).isEqualTo(new StartResult.Error(expected));
		assertThat(starter.expect(Exit.class).reason()).isEqualTo(expected);
	}

	@Test
	void supervisorUnderATakenNameIsNotStarted() {
		Pid first = SupervisionKit.pid(this.kit.start(SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of()).named("tree")));

		StartResult second = Supervisor.start(this.kit.runtime, abcd().named("tree"));

		// R15.2, R6.7: {error, {already_started, Pid}}, and no child was started
		assertThat(second).isEqualTo(new StartResult.Error(ExitReason.of(new AlreadyStarted(first))));
		assertThat(this.probe.attempts("a")).isZero();
	}

	@Test
	void ignoringChildIsKeptUndefinedAndTheStartGoesOn() {
		this.probe.script("c", IGNORE);

		Supervisor supervisor = this.kit.start(abcd());

		// R6.3
		assertThat(child(supervisor, "c").status()).isEqualTo(ChildStatus.UNDEFINED);
		assertThat(child(supervisor, "c").pid()).isNull();
		assertThat(child(supervisor, "d").status()).isEqualTo(ChildStatus.RUNNING);
	}

	@Test
	void ignoringTemporaryChildIsDropped() {
		this.probe.script("t", IGNORE);

		Supervisor supervisor = this.kit.start(SupervisorSpec.of(Strategy.ONE_FOR_ONE,
				List.of(this.probe.worker("t").withRestart(RestartType.TEMPORARY), this.probe.worker("d"))));

		// R6.3
		assertThat(supervisor.whichChildren()).extracting(ChildInfo::id).containsExactly("d");
	}

}
