package dev.otpspring.supervisor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;

import static dev.otpspring.supervisor.SupervisionKit.await;
import static dev.otpspring.supervisor.SupervisionKit.eventually;
import static dev.otpspring.supervisor.SupervisionKit.inBackground;
import static dev.otpspring.supervisor.SupervisionKit.pidOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How one child is stopped: shutdown signal, timeout, kill, brutal kill, infinity (R7.2, R7.3).
 * Time is a {@link WaiterAwareClock}: a timeout expires when the test moves the clock, and
 * "still waiting" is checked after the supervisor has seen the new time.
 */
@Timeout(30)
class ShutdownProcedureTest {

	private final WaiterAwareClock clock = new WaiterAwareClock();

	private final SupervisionKit kit = SupervisionKit.withClock(this.clock);

	private final ChildProbe probe = this.kit.probe;

	private final CountDownLatch never = new CountDownLatch(1);

	@AfterEach
	void close() throws Exception {
		this.never.countDown();
		this.kit.close();
	}

	private Supervisor start(ChildSpec child) {
		return this.kit.start(SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(child)));
	}

	/**
	 * Asks the supervisor, from another thread, to terminate child "a", and waits until a's
	 * terminate has begun and both the supervisor and the caller wait on the clock.
	 */
	private CompletableFuture<Boolean> terminateAndAwaitStopping(Supervisor supervisor) {
		CompletableFuture<Boolean> terminated = inBackground(() -> supervisor.terminateChild("a"));
		eventually().until(() -> this.probe.log().contains("terminate a shutdown"));
		this.clock.awaitWaiters(2);
		return terminated;
	}

	@Test
	void trappingChildRunsTerminateWithShutdown() {
		Supervisor supervisor = start(this.probe.trapping("a"));
		Pid a = pidOf(supervisor, "a");
		this.kit.watch(a);

		supervisor.terminateChild("a");

		// R7.3
		assertThat(this.probe.entries("terminate")).containsExactly("terminate a shutdown", "terminated a");
		assertThat(this.kit.awaitExit(a)).isEqualTo(ExitReason.SHUTDOWN);
	}

	@Test
	void nonTrappingChildDiesWithoutRunningTerminate() {
		Supervisor supervisor = start(this.probe.worker("a"));
		Pid a = pidOf(supervisor, "a");
		this.kit.watch(a);

		supervisor.terminateChild("a");

		// R7.3, R12.2: terminateChild returns once the child has exited; terminate never ran
		assertThat(this.kit.awaitExit(a)).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(this.probe.entries("terminate")).isEmpty();
	}

	@Test
	void childThatDoesNotStopInTimeIsKilled() {
		Supervisor supervisor = start(this.probe.trapping("a", this.never::await)
			.withShutdown(Shutdown.timeout(Duration.ofMillis(200))));
		Pid a = pidOf(supervisor, "a");
		this.kit.watch(a);
		CompletableFuture<Boolean> terminated = terminateAndAwaitStopping(supervisor);

		this.clock.advanceAndAwaitWaiters(Duration.ofMillis(200));

		// R7.2: shutdown, then kill at the timeout; the blocked terminate is interrupted, never completes
		assertThat(await(terminated)).isTrue();
		assertThat(this.kit.awaitExit(a)).isEqualTo(ExitReason.KILLED);
		eventually().until(() -> this.probe.log().contains("terminate interrupted a"));
		assertThat(this.probe.entries("terminate")).containsExactly("terminate a shutdown", "terminate interrupted a");
	}

	@Test
	void childIsNotKilledBeforeItsTimeout() {
		Supervisor supervisor = start(this.probe.trapping("a", this.never::await)
			.withShutdown(Shutdown.timeout(Duration.ofMillis(200))));
		Pid a = pidOf(supervisor, "a");
		terminateAndAwaitStopping(supervisor);

		this.clock.advanceAndAwaitWaiters(Duration.ofMillis(199));

		// R7.2: the supervisor has looked at the time and still waits
		assertThat(this.kit.runtime.isAlive(a)).isTrue();
	}

	@Test
	void brutalKillKillsWithoutRunningTerminate() {
		Supervisor supervisor = start(this.probe.trapping("a").withShutdown(Shutdown.BRUTAL_KILL));
		Pid a = pidOf(supervisor, "a");
		this.kit.watch(a);

		supervisor.terminateChild("a");

		// R7.2, R7.3: killed at once, even though it traps exits
		assertThat(this.kit.awaitExit(a)).isEqualTo(ExitReason.KILLED);
		assertThat(this.probe.entries("terminate")).isEmpty();
	}

	@Test
	void infiniteShutdownWaitsForTheChildHoweverLongItTakes() throws Exception {
		Gate stopping = new Gate();
		Supervisor supervisor = start(this.probe.trapping("a", stopping::pass).withShutdown(Shutdown.INFINITY));
		Pid a = pidOf(supervisor, "a");
		this.kit.watch(a);
		CompletableFuture<Boolean> terminated = terminateAndAwaitStopping(supervisor);

		this.clock.advanceAndAwaitWaiters(Duration.ofDays(1));

		// R7.2: a day later the supervisor still waits; when terminate returns, a exits shutdown
		assertThat(this.kit.runtime.isAlive(a)).isTrue();
		stopping.release();
		assertThat(await(terminated)).isTrue();
		assertThat(this.kit.awaitExit(a)).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(this.probe.entries("terminate")).containsExactly("terminate a shutdown", "terminated a");
	}

}
