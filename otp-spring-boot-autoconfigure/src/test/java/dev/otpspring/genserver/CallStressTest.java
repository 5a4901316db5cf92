package dev.otpspring.genserver;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Back-to-back calls race the server going idle against the next request arriving, hundreds of
 * thousands of times. A lost wakeup between the two (a message queued while the runner leaves)
 * would strand a call until its timeout; every call must be answered, with its own reply.
 */
class CallStressTest {

	private static final int CALLS = 100_000;

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void close() {
		this.runtime.close();
	}

	/** Answers each request with itself. */
	static final class Echo implements GenServerBehaviour<Void> {

		@Override
		public Init<Void> init() {
			return Init.ok(null);
		}

		@Override
		public CallResult<Void> handleCall(Object request, From from, Void state) {
			return new Reply<>(request, state);
		}

	}

	@Test
	@Timeout(120)
	void everyBackToBackCallFromAThreadIsAnsweredWithItsOwnReply() {
		Pid echo = GenServer.start(this.runtime, new Echo()).pid();
		for (int i = 0; i < CALLS; i++) {
			assertThat(GenServer.call(echo, i, Duration.ofSeconds(30))).isEqualTo(i);
		}
	}

	@Test
	@Timeout(120)
	void everyBackToBackCallFromProcessesIsAnsweredWithItsOwnReply() throws Exception {
		Pid echo = GenServer.start(this.runtime, new Echo()).pid();
		CompletableFuture<Integer> first = callsFromAProcess(echo, 0);
		CompletableFuture<Integer> second = callsFromAProcess(echo, CALLS);
		assertThat(first.get(100, TimeUnit.SECONDS)).isEqualTo(CALLS);
		assertThat(second.get(100, TimeUnit.SECONDS)).isEqualTo(CALLS);
	}

	private CompletableFuture<Integer> callsFromAProcess(Pid echo, int offset) {
		CompletableFuture<Integer> answered = new CompletableFuture<>();
		this.runtime.spawn(() -> {
			int correct = 0;
			for (int i = offset; i < offset + CALLS; i++) {
				if (GenServer.call(echo, i, Duration.ofSeconds(30)).equals(i)) {
					correct++;
				}
			}
			answered.complete(correct);
			return (message) -> {
			};
		});
		return answered;
	}

}
