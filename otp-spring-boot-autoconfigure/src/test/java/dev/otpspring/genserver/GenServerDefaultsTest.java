package dev.otpspring.genserver;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.ExitRecorder;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** R11.10: the callbacks a behaviour does not implement. */
class GenServerDefaultsTest {

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	/** Implements only {@code init}. */
	static final class Minimal implements GenServerBehaviour<String> {

		@Override
		public Init<String> init() {
			return Init.ok("state");
		}

	}

	/** Answers calls, leaves {@code handleInfo} to the default. */
	static final class CallsOnly implements GenServerBehaviour<String> {

		@Override
		public Init<String> init() {
			return Init.ok("state");
		}

		@Override
		public CallResult<String> handleCall(Object request, From from, String state) {
			return new Reply<>(request, state);
		}

	}

	record Unexpected() {
	}

	// R11.10
	@Test
	void theDefaultHandleCallCrashesTheServerAndTheCallerGetsTheException() {
		Pid server = GenServer.start(this.runtime, new Minimal()).pid();
		ExitRecorder exit = ExitRecorder.watch(server);

		assertThatThrownBy(() -> GenServer.call(server, "hello")).isInstanceOf(ProcessExitException.class)
			.hasCauseInstanceOf(UnsupportedOperationException.class);
		assertThat(exit.reason()).isInstanceOf(ExitReason.Crash.class);
	}

	// R11.10
	@Test
	void theDefaultHandleCastCrashesTheServer() {
		Pid server = GenServer.start(this.runtime, new Minimal()).pid();
		ExitRecorder exit = ExitRecorder.watch(server);

		GenServer.cast(server, "hello");

		assertThat(exit.reason()).isInstanceOfSatisfying(ExitReason.Crash.class,
				(crash) -> assertThat(crash.cause()).isInstanceOf(UnsupportedOperationException.class));
	}

	// R11.10
	@Test
	void theDefaultHandleInfoLogsTheMessageAndCarriesOn() {
		try (LogCapture logs = LogCapture.genServer()) {
			Pid server = GenServer.start(this.runtime, new CallsOnly()).pid();

			this.runtime.send(server, new Unexpected());

			assertThat(GenServer.call(server, "still there")).isEqualTo("still there");
			assertThat(logs.eventsAbout(server, Level.WARN))
				.singleElement()
				.satisfies((event) -> assertThat(event.getFormattedMessage()).contains(Unexpected.class.getName()));
		}
	}

}
