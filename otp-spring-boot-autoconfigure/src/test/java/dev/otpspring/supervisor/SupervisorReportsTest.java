package dev.otpspring.supervisor;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.Init;
import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;

import static dev.otpspring.supervisor.ChildProbe.Outcome.FAIL_INIT;
import static dev.otpspring.supervisor.SupervisionKit.awaitNewPid;
import static dev.otpspring.supervisor.SupervisionKit.pid;
import static dev.otpspring.supervisor.SupervisionKit.pidOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What supervisors report: one {@link SupervisorEvent} and one log line on the
 * {@code dev.otpspring.supervisor.Supervisor} logger per restart, give-up and start failure
 * (R2.1, R3.4, R5.1, R6.4; reports are on, unlike Elixir's defaults, R16.3).
 */
@Timeout(30)
class SupervisorReportsTest {

	private final SupervisionKit kit = SupervisionKit.withFrozenClock();

	private final LogCapture logs = new LogCapture();

	private final EventCollector events = this.kit.events;

	@AfterEach
	void close() throws Exception {
		this.logs.close();
		this.kit.close();
	}

	private Supervisor start(int maxRestarts) {
		return this.kit.start(SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(this.kit.probe.worker("a")))
			.named("reporter")
			.withIntensity(maxRestarts, 5));
	}

	/** Crashes child a, whose first restart attempt fails, and waits until a retry has started it. */
	private Pid crashWithOneFailedRestart(Supervisor supervisor) {
		Pid old = pidOf(supervisor, "a");
		this.kit.probe.script("a", FAIL_INIT);
		this.kit.crash(old);
		awaitNewPid(supervisor, "a", old);
		return old;
	}

	/** A line from this test's supervisor that mentions all of {@code parts}. */
	private ILoggingEvent awaitLine(Level level, String... parts) {
		return this.logs.await((line) -> line.getLevel() == level && line.getFormattedMessage().contains("reporter")
				&& List.of(parts).stream().allMatch(line.getFormattedMessage()::contains));
	}

	@Test
	void restartPublishesChildExitedThenChildRestarted() {
		Supervisor supervisor = start(3);
		Pid old = pidOf(supervisor, "a");

		this.kit.stopWith(old, ExitReason.of("boom"));
		Pid restarted = awaitNewPid(supervisor, "a", old);

		// R2.1: the child_terminated report, then the restart, naming the child and both pids
		List<SupervisorEvent> published = this.events.all();
		assertThat(published).hasSize(2);
		assertThat(published.get(0)).isEqualTo(new SupervisorEvent.ChildExited(published.get(0).supervisor(),
				published.get(0).at(), "a", old, ExitReason.of("boom"), SupervisorEvent.Decision.RESTART));
		assertThat(published.get(1)).isInstanceOfSatisfying(SupervisorEvent.ChildRestarted.class, (event) -> {
			assertThat(event.childId()).isEqualTo("a");
			assertThat(event.oldPid()).isEqualTo(old);
			assertThat(event.newPid()).isEqualTo(restarted);
			assertThat(event.restarts()).isEqualTo(1);
		});
		assertThat(published).extracting(SupervisorEvent::supervisor)
			.containsOnly(new SupervisorRef("reporter", pid(supervisor)));
	}

	@Test
	void restartIsLoggedWithTheChildIdAndTheReason() {
		Supervisor supervisor = start(3);
		Pid old = pidOf(supervisor, "a");

		this.kit.stopWith(old, ExitReason.of("boom"));
		Pid restarted = awaitNewPid(supervisor, "a", old);

		// R2.1, R16.3
		awaitLine(Level.ERROR, "Child a ", "terminated", "boom", old.toString());
		awaitLine(Level.INFO, "Child a ", "restarted", restarted.toString());
	}

	@Test
	void givingUpPublishesGaveUp() {
		Supervisor supervisor = start(0);

		this.kit.stopWith(pidOf(supervisor, "a"), ExitReason.of("boom"));
		this.kit.awaitExit(pid(supervisor));

		// R3.4: reached_max_restart_intensity, with the offender
		assertThat(this.events.all(SupervisorEvent.GaveUp.class)).singleElement().satisfies((gaveUp) -> {
			assertThat(gaveUp.offenderId()).isEqualTo("a");
			assertThat(gaveUp.offenderReason()).isEqualTo(ExitReason.of("boom"));
			assertThat(gaveUp.maxRestarts()).isZero();
			assertThat(gaveUp.maxSeconds()).isEqualTo(5);
		});
	}

	@Test
	void givingUpIsLoggedWithTheOffenderAndItsReason() {
		Supervisor supervisor = start(0);

		this.kit.stopWith(pidOf(supervisor, "a"), ExitReason.of("boom"));
		this.kit.awaitExit(pid(supervisor));

		// R3.4, R16.3
		awaitLine(Level.ERROR, "maximum restart intensity", "child a ", "boom");
	}

	@Test
	void failedRestartPublishesStartFailedWhileRetrying() {
		Supervisor supervisor = start(3);

		crashWithOneFailedRestart(supervisor);

		// R5.1: the start_error report; the retry is on its way
		assertThat(this.events.all(SupervisorEvent.StartFailed.class)).singleElement().satisfies((failed) -> {
			assertThat(failed.childId()).isEqualTo("a");
			assertThat(failed.reason()).isEqualTo(ChildProbe.initFailure("a"));
			assertThat(failed.retrying()).isTrue();
		});
	}

	@Test
	void restartThatSucceedsOnARetryReportsThePidThatExited() {
		Supervisor supervisor = start(3);

		Pid old = crashWithOneFailedRestart(supervisor);

		// R5.3: the retried restart still links the exited process to its successor
		assertThat(this.events.all(SupervisorEvent.ChildRestarted.class)).singleElement().satisfies((event) -> {
			assertThat(event.oldPid()).isEqualTo(old);
			assertThat(event.newPid()).isEqualTo(pidOf(supervisor, "a"));
		});
	}

	@Test
	void failedStartIsLoggedWithTheChildIdAndTheReason() {
		Supervisor supervisor = start(3);

		crashWithOneFailedRestart(supervisor);

		// R5.1, R6.4, R16.3
		awaitLine(Level.ERROR, "Child a ", "failed to start", ChildProbe.initFailure("a").toString());
	}

	@Test
	void childTakenAlongByTheStrategyIsReportedAsRestartedWithoutAnExit() {
		Supervisor supervisor = this.kit.start(SupervisorSpec.of(Strategy.ONE_FOR_ALL,
				List.of(this.kit.probe.worker("a"), this.kit.probe.worker("b"))));
		Pid a = pidOf(supervisor, "a");
		Pid b = pidOf(supervisor, "b");

		this.kit.crash(b);
		awaitNewPid(supervisor, "a", a);

		// R4.5: siblings stopped by the strategy are not child_terminated
		assertThat(this.events.all(SupervisorEvent.ChildExited.class)).extracting(SupervisorEvent.ChildExited::childId)
			.containsExactly("b");
		assertThat(this.events.all(SupervisorEvent.ChildRestarted.class)).extracting(SupervisorEvent.ChildRestarted::childId)
			.containsExactly("a", "b");
	}

	// R16.3: the progress report, once per child; a restart has its own report
	@Test
	void aChildIsReportedStartedAtInfoOnItsFirstStartOnly() {
		Supervisor supervisor = start(3);
		Pid first = pidOf(supervisor, "a");

		this.kit.stopWith(first, ExitReason.of("boom"));
		Pid restarted = awaitNewPid(supervisor, "a", first);

		awaitLine(Level.INFO, "Child a of Supervisor", "restarted as " + restarted);
		assertThat(this.logs.lines()).filteredOn((line) -> line.getFormattedMessage().contains(" started"))
			.singleElement()
			.satisfies((line) -> {
				assertThat(line.getLevel()).isEqualTo(Level.INFO);
				assertThat(line.getFormattedMessage()).contains("Child a of Supervisor", "reporter", first.toString());
			});
	}

	// R16.3: a child whose init raises is reported once, by the supervisor, with the exception
	@Test
	void anInitThatRaisesUnderASupervisorIsReportedOnceByTheSupervisor() {
		Supervisor supervisor = start(3);

		try (dev.otpspring.genserver.LogCapture genServerLogs = dev.otpspring.genserver.LogCapture.genServer()) {
			StartResult result = supervisor.startChild(ChildSpec.worker("db", () -> GenServer.startLink(new NoDatabase())));

			assertThat(result).isInstanceOf(StartResult.Error.class);
			assertThat(genServerLogs.events(Level.ERROR)).isEmpty();
		}
		assertThat(this.logs.lines()).filteredOn((line) -> line.getLevel() == Level.ERROR).singleElement().satisfies((line) -> {
			assertThat(line.getFormattedMessage()).contains("Child db of Supervisor", "failed to start");
			assertThat(line.getThrowableProxy().getMessage()).isEqualTo("no database");
		});
	}

	// R16.3: the supervisor's logger is the one switch for a child's failed start
	@Test
	void turningTheSupervisorLoggerOffSilencesAFailedStart() {
		Supervisor supervisor = start(3);
		ch.qos.logback.classic.Logger supervisorLogger = (ch.qos.logback.classic.Logger) LoggerFactory
			.getLogger(Supervisor.class);
		Level before = supervisorLogger.getLevel();
		supervisorLogger.setLevel(Level.OFF);
		try (dev.otpspring.genserver.LogCapture genServerLogs = dev.otpspring.genserver.LogCapture.genServer()) {
			supervisor.startChild(ChildSpec.worker("db", () -> GenServer.startLink(new NoDatabase())));

			assertThat(genServerLogs.events(Level.ERROR)).isEmpty();
		}
		finally {
			supervisorLogger.setLevel(before);
		}
		assertThat(this.logs.lines()).noneMatch((line) -> line.getFormattedMessage().contains("db"));
	}

	/** A server whose init fails, as one does when its database is down. */
	private static final class NoDatabase implements GenServerBehaviour<Object> {

		@Override
		public Init<Object> init() {
			throw new IllegalStateException("no database");
		}

	}

}
