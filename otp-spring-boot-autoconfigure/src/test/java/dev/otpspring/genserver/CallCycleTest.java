package dev.otpspring.genserver;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.ProcessRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A calls B calls A deadlocks in OTP until a timeout; here the closing call — or a stop, which waits
 * for its server as a call does — fails at once, naming the cycle.
 */
class CallCycleTest {

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void close() {
		this.runtime.close();
	}

	/** Forwards each call to the next server, or answers it when last. */
	record Forwarder(ProcessRef next) implements GenServerBehaviour<Object> {

		@Override
		public Init<Object> init() {
			return Init.ok("state");
		}

		@Override
		public CallResult<Object> handleCall(Object request, From from, Object state) {
			return new Reply<>((this.next != null) ? GenServer.call(this.next, request, Duration.ofMinutes(5)) : "answer",
					state);
		}

	}

	@Test
	@Timeout(30) // the calls use 5-minute timeouts: only detection can finish in time
	void aCallThatWouldCloseACycleFailsAtOnceNamingTheProcesses() {
		GenServer.start(this.runtime, new Forwarder(this.runtime.named("b")), GenServerOptions.named("a"));
		GenServer.start(this.runtime, new Forwarder(this.runtime.named("c")), GenServerOptions.named("b"));
		GenServer.start(this.runtime, new Forwarder(this.runtime.named("a")), GenServerOptions.named("c"));

		// a -> b -> c -> a: c's call to a closes the cycle; c crashes with it and the failure travels back.
		assertThatThrownBy(() -> GenServer.call(this.runtime.named("a"), "question", Duration.ofMinutes(5)))
			.isInstanceOf(ProcessExitException.class)
			.rootCause()
			.isInstanceOf(CallCycleException.class)
			.hasMessageContaining("a <0.")
			.hasMessageContaining("b <0.")
			.hasMessageContaining("c <0.")
			.hasMessageContaining("would deadlock");
	}

	/** Stops the server it is given when called: waiting for a stop is waiting for an answer too. */
	record Stopper(ProcessRef target) implements GenServerBehaviour<Object> {

		@Override
		public Init<Object> init() {
			return Init.ok("state");
		}

		@Override
		public CallResult<Object> handleCall(Object request, From from, Object state) {
			GenServer.stop(this.target, ExitReason.NORMAL, Duration.ofMinutes(5));
			return new Reply<>("stopped", state);
		}

	}

	@Test
	@Timeout(30) // 5-minute timeouts again
	void stoppingAServerThatIsBlockedCallingTheStopperFailsAtOnceNamingTheCycle() {
		GenServer.start(this.runtime, new Forwarder(this.runtime.named("b")), GenServerOptions.named("a"));
		GenServer.start(this.runtime, new Stopper(this.runtime.named("a")), GenServerOptions.named("b"));

		// a -> b, and b stops a: a can only stop once b has answered, which waits for a to stop.
		assertThatThrownBy(() -> GenServer.call(this.runtime.named("a"), "question", Duration.ofMinutes(5)))
			.isInstanceOf(ProcessExitException.class)
			.rootCause()
			.isInstanceOf(CallCycleException.class)
			.hasMessageContaining("a <0.")
			.hasMessageContaining("b <0.")
			.hasMessageContaining("would deadlock");
	}

	@Test
	@Timeout(30)
	void aChainWithoutCycleIsAnsweredAndLeavesNobodyMarkedAsWaiting() {
		GenServer.start(this.runtime, new Forwarder(this.runtime.named("b")), GenServerOptions.named("a"));
		GenServer.start(this.runtime, new Forwarder(null), GenServerOptions.named("b"));
		assertThat(GenServer.call(this.runtime.named("a"), "question")).isEqualTo("answer");
		assertThat(this.runtime.awaiting(this.runtime.whereis("a"))).isNull();
	}

}
