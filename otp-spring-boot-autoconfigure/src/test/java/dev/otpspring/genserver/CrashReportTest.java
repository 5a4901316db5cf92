package dev.otpspring.genserver;

import java.util.stream.Stream;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.ExitRecorder;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Crash reports: R16.1, R16.2 and R1.2. */
class CrashReportTest {

	private static final String SECRET = "secret-state-value";

	private final OtpRuntime runtime = OtpRuntime.create();

	private final LogCapture logs = LogCapture.genServer();

	@AfterEach
	void close() {
		this.logs.close();
		this.runtime.close();
	}

	record Explode(String why) {
	}

	record StopWith(ExitReason reason) {
	}

	record StopAndReplyWith(ExitReason reason) {
	}

	/** Holds a state that must not leak into logs, and crashes or stops on request. */
	static final class Vault implements GenServerBehaviour<String> {

		@Override
		public Init<String> init() {
			return Init.ok(SECRET);
		}

		@Override
		public CallResult<String> handleCall(Object request, From from, String state) {
			return switch (request) {
				case StopAndReplyWith stop -> new StopAndReply<>(stop.reason(), "stopping", state);
				case Explode explode -> throw new IllegalStateException(explode.why());
				default -> throw new IllegalArgumentException("unexpected " + request);
			};
		}

		@Override
		public Result<String> handleCast(Object request, String state) {
			return new Stop<>(((StopWith) request).reason(), state);
		}

	}

	private Pid startVault(OtpRuntime runtime) {
		return GenServer.start(runtime, new Vault(), GenServerOptions.named("vault")).pid();
	}

	private void crash(Pid server) {
		ExitRecorder exit = ExitRecorder.watch(server);
		assertThatThrownBy(() -> GenServer.call(server, new Explode("boom"))).isInstanceOf(ProcessExitException.class);
		exit.reason(); // the report is written before the process exits
	}

	// R16.1
	@Test
	void aCrashIsReportedOnceWithNamePidReasonStackTraceAndLastMessageType() {
		Pid server = startVault(this.runtime);

		crash(server);

		ILoggingEvent report = assertThat(this.logs.errorsAbout(server)).singleElement().actual();
		assertThat(report.getFormattedMessage()).contains("vault", server.toString(), "boom",
				IllegalStateException.class.getName(), Explode.class.getName());
		assertThat(report.getThrowableProxy()).isNotNull();
		assertThat(report.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
		assertThat(report.getThrowableProxy().getStackTraceElementProxyArray())
			.anySatisfy((frame) -> assertThat(frame.getSTEAsString()).contains("Vault.handleCall"));
	}

	// R16.1
	@Test
	void aCrashReportLeavesTheStateOutByDefault() {
		Pid server = startVault(this.runtime);

		crash(server);

		assertThat(this.logs.errorsAbout(server)).singleElement()
			.satisfies((report) -> assertThat(report.getFormattedMessage()).doesNotContain(SECRET));
	}

	// R16.1
	@Test
	void aCrashReportShowsTheStateWhenTheRuntimeIsToldTo() {
		try (OtpRuntime revealing = OtpRuntime.builder().logStateInCrashReports(true).build()) {
			Pid server = startVault(revealing);

			crash(server);

			assertThat(this.logs.errorsAbout(server)).singleElement()
				.satisfies((report) -> assertThat(report.getFormattedMessage()).contains(SECRET));
		}
	}

	/** A state whose toString() fails: the report must still be written, once. */
	record Unprintable() {

		@Override
		public String toString() {
			throw new IllegalStateException("toString is broken");
		}

	}

	// R16.1
	@Test
	void aStateWhoseToStringThrowsStillGetsItsReport() {
		try (OtpRuntime revealing = OtpRuntime.builder().logStateInCrashReports(true).build()) {
			Pid server = GenServer.start(revealing, new GenServerBehaviour<Unprintable>() {

				@Override
				public Init<Unprintable> init() {
					return Init.ok(new Unprintable());
				}

				@Override
				public CallResult<Unprintable> handleCall(Object request, From from, Unprintable state) {
					throw new IllegalStateException("boom");
				}

			}).pid();

			crash(server);

			assertThat(this.logs.errorsAbout(server)).singleElement()
				.satisfies((report) -> assertThat(report.getFormattedMessage()).contains("boom", "toString is broken"));
		}
	}

	/** Crashes in the work its init deferred with a continue. */
	record ContinueThenCrash() implements GenServerBehaviour<String> {

		@Override
		public Init<String> init() {
			return Init.ok("state", Action.continueWith("load"));
		}

		@Override
		public Result<String> handleContinue(Object argument, String state) {
			throw new IllegalStateException("loading failed");
		}

	}

	// R16.1, R10.3
	@Test
	void aCrashInHandleContinueNamesTheContinueAsTheLastMessage() {
		Pid server = GenServer.start(this.runtime, new ContinueThenCrash()).pid();
		ExitRecorder.watch(server).reason();
		assertThat(this.logs.errorsAbout(server)).singleElement()
			.satisfies((report) -> assertThat(report.getFormattedMessage()).contains("Last message: continue java.lang.String",
					"loading failed"));
	}

	// R16.1
	@Test
	void anAbnormalStopIsReportedOnce() {
		Pid server = startVault(this.runtime);
		ExitRecorder exit = ExitRecorder.watch(server);

		GenServer.cast(server, new StopWith(ExitReason.of("bad")));
		exit.reason();

		assertThat(this.logs.errorsAbout(server)).singleElement()
			.satisfies((report) -> assertThat(report.getFormattedMessage()).contains("bad", StopWith.class.getName()));
	}

	// R16.1
	@Test
	void anAbnormalStopWithReplyIsReportedOnce() {
		Pid server = startVault(this.runtime);
		ExitRecorder exit = ExitRecorder.watch(server);

		Object reply = GenServer.call(server, new StopAndReplyWith(ExitReason.of("bad")));
		exit.reason();

		assertThat(reply).isEqualTo("stopping");
		assertThat(this.logs.errorsAbout(server)).singleElement()
			.satisfies((report) -> assertThat(report.getFormattedMessage()).contains("bad",
					StopAndReplyWith.class.getName()));
	}

	// R1.2
	@Test
	void aNormalStopWithReplyIsNotReported() {
		Pid server = startVault(this.runtime);
		ExitRecorder exit = ExitRecorder.watch(server);

		GenServer.call(server, new StopAndReplyWith(ExitReason.shutdown("done")));

		assertThat(exit.reason()).isEqualTo(ExitReason.shutdown("done"));
		assertThat(this.logs.errorsAbout(server)).isEmpty();
	}

	static Stream<ExitReason> normalLikeReasons() {
		return Stream.of(ExitReason.NORMAL, ExitReason.SHUTDOWN, ExitReason.shutdown("maintenance"));
	}

	// R1.2
	@ParameterizedTest(name = "{0}")
	@MethodSource("normalLikeReasons")
	void aNormalLikeStopIsNotReported(ExitReason reason) {
		Pid server = startVault(this.runtime);
		ExitRecorder exit = ExitRecorder.watch(server);

		GenServer.cast(server, new StopWith(reason));

		assertThat(exit.reason()).isEqualTo(reason);
		assertThat(this.logs.errorsAbout(server)).isEmpty();
	}

	// R1.2
	@ParameterizedTest(name = "{0}")
	@MethodSource("normalLikeReasons")
	void aNormalLikeGenServerStopIsNotReported(ExitReason reason) {
		Pid server = startVault(this.runtime);

		GenServer.stop(server, reason, GenServerOptions.INFINITY);

		assertThat(this.logs.errorsAbout(server)).isEmpty();
	}

	// R12.4
	@Test
	void aGenServerStopWithAnAbnormalReasonIsReportedOnce() {
		Pid server = startVault(this.runtime);

		GenServer.stop(server, ExitReason.of("decommissioned"), GenServerOptions.INFINITY);

		assertThat(this.logs.errorsAbout(server)).singleElement()
			.satisfies((report) -> assertThat(report.getFormattedMessage()).contains("decommissioned"));
	}

	// R16.2
	@Test
	void anExternalExitSignalIsNotReported() {
		Pid server = startVault(this.runtime);
		ExitRecorder exit = ExitRecorder.watch(server);

		this.runtime.exit(server, ExitReason.of("boom"));

		assertThat(exit.reason()).isEqualTo(ExitReason.of("boom"));
		assertThat(this.logs.errorsAbout(server)).isEmpty();
	}

	// R16.1: as in OTP, a terminate that throws replaces the reason; one report names the new one
	@Test
	void aCrashWhoseTerminateAlsoThrowsIsReportedOnce() {
		IllegalStateException cleanupFailure = new IllegalStateException("cleanup failed");
		Pid server = TestServer.create().failingToTerminate(cleanupFailure).start(this.runtime);
		ExitRecorder exit = ExitRecorder.watch(server);

		GenServer.cast(server, (TestServer.Step) (state) -> {
			throw new IllegalArgumentException("first failure");
		});

		assertThat(exit.reason()).isEqualTo(ExitReason.crash(cleanupFailure));
		assertThat(this.logs.errorsAbout(server)).singleElement()
			.satisfies((report) -> assertThat(report.getFormattedMessage()).contains("cleanup failed"));
	}

}
