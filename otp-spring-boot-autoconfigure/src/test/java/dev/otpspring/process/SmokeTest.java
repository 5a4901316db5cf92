package dev.otpspring.process;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.otpspring.genserver.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmokeTest {

	record Get() {}
	record Inc() {}
	record Boom() {}

	static class Counter implements GenServerBehaviour<Integer> {
		public Init<Integer> init() { return Init.ok(0); }
		public CallResult<Integer> handleCall(Object r, From f, Integer s) {
			return switch (r) {
				case Get g -> new Reply<>(s, s);
				case Boom b -> throw new IllegalStateException("boom");
				default -> throw new IllegalArgumentException();
			};
		}
		public Result<Integer> handleCast(Object r, Integer s) { return new NoReply<>(s + 1); }
	}

	@Test
	void basics() throws Exception {
		try (OtpRuntime rt = OtpRuntime.create()) {
			LinkedBlockingQueue<Object> q = new LinkedBlockingQueue<>();
			Pid p = rt.spawn(() -> q::add);
			rt.send(p, "hi");
			assertThat(q.poll(5, TimeUnit.SECONDS)).isEqualTo("hi");

			Pid c = GenServer.start(rt, new Counter(), GenServerOptions.named("counter")).pid();
			for (int i = 0; i < 1000; i++) GenServer.cast(rt.named("counter"), new Inc());
			assertThat(GenServer.call(rt.named("counter"), new Get())).isEqualTo(1000);
			long t0 = System.nanoTime();
			for (int i = 0; i < 100_000; i++) GenServer.call(c, new Get());
			System.out.println("call us: " + (System.nanoTime() - t0) / 100_000 / 1000.0);
			assertThatThrownBy(() -> GenServer.call(c, new Boom())).isInstanceOf(ProcessExitException.class).hasMessageContaining("boom");
			assertThat(rt.awaitExit(c, Duration.ofSeconds(1))).isPresent();
			assertThat(rt.whereis("counter")).isNull();
			assertThatThrownBy(() -> GenServer.call(rt.named("counter"), new Get())).isInstanceOf(NoProcessException.class);
			System.out.println("live " + rt.processCount());
		}
	}
}
