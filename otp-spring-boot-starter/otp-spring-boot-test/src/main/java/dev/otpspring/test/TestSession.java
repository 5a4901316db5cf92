package dev.otpspring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.ManualScheduler;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.supervisor.ChildSpec;
import dev.otpspring.supervisor.Strategy;
import dev.otpspring.supervisor.Supervisor;
import dev.otpspring.supervisor.SupervisorSpec;

/**
 * What {@link OtpTestKit} holds for one test: a fresh runtime, its clock, the probes and the
 * test supervisor, and the teardown that stops them all and checks that nothing is left.
 */
final class TestSession {

	/** Real time allowed for the test supervisor to stop its children. */
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final OtpRuntime runtime;

	private final @Nullable ManualScheduler clock;

	private final SupervisorEventRecorder events;

	private final List<TestProbe> probes = new ArrayList<>();

	private @Nullable Supervisor supervisor;

	private @Nullable Pid supervisorPid;

	private int unnamedSupervisors;

	private TestSession(@Nullable ManualScheduler clock) {
		OtpRuntime.Builder builder = OtpRuntime.builder();
		if (clock != null) {
			builder.scheduler(clock);
		}
		this.clock = clock;
		this.runtime = builder.build();
		this.events = SupervisorEventRecorder.start(this.runtime);
	}

	static TestSession open(boolean manualClock) {
		return new TestSession(manualClock ? new ManualScheduler() : null);
	}

	OtpRuntime runtime() {
		return this.runtime;
	}

	ManualScheduler clock() {
		if (this.clock == null) {
			throw new IllegalStateException("This OtpTestKit runs on the system clock; use OtpTestKit.withManualClock() "
					+ "(the default) to move time by hand");
		}
		return this.clock;
	}

	SupervisorEventRecorder events() {
		return this.events;
	}

	TestProbe probe(boolean trapExits) {
		TestProbe probe = trapExits ? TestProbe.spawnTrappingExits(this.runtime) : TestProbe.spawn(this.runtime);
		this.probes.add(probe);
		return probe;
	}

	Pid startSupervised(ChildSpec spec) {
		StartResult result = supervisor().startChild(spec);
		if (!(result instanceof StartResult.Ok ok)) {
			throw new IllegalStateException("Could not start child '" + spec.id() + "' under the test supervisor: " + result);
		}
		return ok.pid();
	}

	Supervisor startSupervised(SupervisorSpec spec) {
		Object id = (spec.name() != null) ? spec.name() : "supervisor-" + (++this.unnamedSupervisors);
		Pid pid = startSupervised(ChildSpec.supervisor(id, () -> Supervisor.startLink(spec)));
		// a name follows the supervisor across restarts by the test supervisor; a Pid would not
		return Supervisor.of((spec.name() != null) ? this.runtime.named(spec.name()) : pid);
	}

	/**
	 * Stops the test supervisor (its children first, awaited) and the probes, then checks that no
	 * process is left, and closes the runtime whatever happened.
	 * @throws AssertionError if something could not be stopped or was left running
	 */
	void close(String testName) {
		List<String> problems = new ArrayList<>();
		try {
			stopSupervisor(problems);
			this.probes.forEach(TestProbe::stop);
			this.probes.forEach((probe) -> awaitExit(probe.pid(), "probe " + probe.pid(), problems));
			this.events.close();
			long left = this.runtime.processCount();
			if (left > 0 && problems.isEmpty()) {
				problems.add(("%d process(es) still running after the test (registered names: %s); start them with "
						+ "OtpTestKit.startSupervised(...) so they are stopped after the test, or stop them in the test")
					.formatted(left, this.runtime.registeredNames()));
			}
		}
		finally {
			this.runtime.close();
		}
		if (!problems.isEmpty()) {
			throw new AssertionError("OtpTestKit after " + testName + ": " + String.join("; ", problems));
		}
	}

	private Supervisor supervisor() {
		if (this.supervisor == null) {
			// ExUnit's test supervisor: one_for_one, and never the one to give up
			SupervisorSpec spec = SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of()).withIntensity(1_000_000, 1);
			this.supervisorPid = Supervisor.start(this.runtime, spec).pid();
			this.supervisor = Supervisor.of(this.supervisorPid);
		}
		return this.supervisor;
	}

	private void stopSupervisor(List<String> problems) {
		Supervisor supervisor = this.supervisor;
		Pid pid = this.supervisorPid;
		if (supervisor == null || pid == null) {
			return;
		}
		// Stopped from another thread: the stop waits on the runtime's clock, which may be manual,
		// while this thread bounds the wait in real time.
		Thread.ofVirtual().name("otp-test-kit-stop").start(supervisor::stop);
		if (!awaitExit(pid, "the test supervisor", problems)) {
			this.runtime.exit(pid, ExitReason.KILL);
			problems.add("a child ignored its shutdown (one waiting for a timeout on the manual clock?); "
					+ "the test supervisor was killed");
		}
	}

	private boolean awaitExit(Pid pid, String what, List<String> problems) {
		CompletableFuture<ExitReason> exited = new CompletableFuture<>();
		this.runtime.watch(pid, (ignored, reason) -> exited.complete(reason));
		try {
			exited.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			problems.add(what + " did not stop within " + TestProbe.describe(STOP_TIMEOUT) + " (real time)");
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			problems.add("interrupted while waiting for " + what + " to stop");
			return false;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

}
