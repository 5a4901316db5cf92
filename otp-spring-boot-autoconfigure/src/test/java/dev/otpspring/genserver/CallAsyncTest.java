package dev.otpspring.genserver;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.otpspring.process.ManualScheduler;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code callAsync}, OTP's {@code send_request}: the same outcomes as {@code call}, in a future, no thread waiting. */
class CallAsyncTest {

	private final ManualScheduler time = new ManualScheduler();

	private final OtpRuntime runtime = OtpRuntime.builder().scheduler(this.time).build();

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void close() {
		this.release.countDown();
		this.runtime.close();
	}

	/** Answers "pong" to "ping", crashes on "crash", waits for the test's latch on "hold". */
	final class Server implements GenServerBehaviour<Integer> {

		@Override
		public Init<Integer> init() {
			return Init.ok(0);
		}

		@Override
		public CallResult<Integer> handleCall(Object request, From from, Integer calls) throws Exception {
			switch ((String) request) {
				case "crash" -> throw new IllegalStateException("crashed on purpose");
				case "hold" -> CallAsyncTest.this.release.await(30, TimeUnit.SECONDS);
				default -> {
				}
			}
			return new Reply<>("pong " + (calls + 1), calls + 1);
		}

	}

	private Pid server() {
		return GenServer.start(this.runtime, new Server()).pid();
	}

	@Test
	void theFutureCompletesWithTheReply() throws Exception {
		Pid server = server();
		CompletableFuture<Object> first = GenServer.callAsync(server, "ping", Duration.ofSeconds(5));
		CompletableFuture<Object> second = GenServer.callAsync(server, "ping", Duration.ofSeconds(5));
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("pong 1");
		assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("pong 2"); // in send order (R11.8)
	}

	@Test
	void anUnknownServerFailsTheFutureWithNoProcessException() {
		assertThatThrownBy(() -> GenServer.callAsync(this.runtime.named("nobody"), "ping", Duration.ofSeconds(5)).get())
			.isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOf(NoProcessException.class)
			.hasMessageContaining("nobody");
	}

	// R11.2
	@Test
	@Timeout(30)
	void aServerThatCrashesFailsTheFutureAtOnce() {
		Pid server = server();
		CompletableFuture<Object> future = GenServer.callAsync(server, "crash", Duration.ofHours(1));
		assertThatThrownBy(future::join).cause()
			.isInstanceOf(ProcessExitException.class)
			.hasRootCauseMessage("crashed on purpose");
	}

	// R11.3
	@Test
	void theFutureTimesOutOnTheRuntimesClockAndALateReplyIsDropped() throws Exception {
		Pid server = server();
		CompletableFuture<Object> held = GenServer.callAsync(server, "hold", Duration.ofSeconds(5));
		this.time.advance(Duration.ofSeconds(4));
		assertThat(held).isNotDone();
		this.time.advance(Duration.ofSeconds(1));
		assertThatThrownBy(held::join).cause().isInstanceOf(CallTimeoutException.class).hasMessageContaining("5000 ms");
		this.release.countDown();
		assertThat(GenServer.callAsync(server, "ping", Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS))
			.isEqualTo("pong 2"); // the held call was served late; its reply went nowhere
		assertThat(this.runtime.timerCount()).isZero(); // answered calls cancel their timers
	}

}
