package dev.otpspring.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.ProcessRef;
import dev.otpspring.supervisor.ChildSpec;
import dev.otpspring.supervisor.Strategy;
import dev.otpspring.supervisor.Supervisor;
import dev.otpspring.supervisor.SupervisorEvent;
import dev.otpspring.supervisor.SupervisorEvents;
import dev.otpspring.supervisor.SupervisorSpec;

/**
 * Workload 6, our side: restart latency of a supervised counter. A one_for_one supervisor (restart
 * intensity high enough never to give up) runs a counter registered as {@code "counter"}. Each
 * round casts {@code crash} to the name, waits for the supervisor's {@code ChildRestarted} event
 * (no busy polling: the thread blocks on a queue the event listener fills), then calls {@code get}
 * by name; the sample is the time from the cast to the reply. Prints median and p99 over the
 * measured rounds, after warm-up rounds, and also the median time to the event alone.
 * <p>
 * {@code java -cp benchmarks.jar dev.otpspring.benchmarks.RestartLatency [restarts] [warmup]}
 */
public final class RestartLatency {

	private RestartLatency() {
	}

	public static void main(String[] args) throws Exception {
		Mains.onDriverThread(() -> measure(args));
	}

	private static void measure(String[] args) throws Exception {
		int restarts = Mains.intArg(args, 0, 10_000);
		int warmup = Mains.intArg(args, 1, 5_000);
		try (OtpRuntime runtime = OtpRuntime.create()) {
			BlockingQueue<Long> restartedAt = new LinkedBlockingQueue<>();
			SupervisorEvents.of(runtime).subscribe((event) -> {
				if (event instanceof SupervisorEvent.ChildRestarted) {
					restartedAt.add(System.nanoTime());
				}
			});
			SupervisorSpec spec = SupervisorSpec
				.of(Strategy.ONE_FOR_ONE,
						List.of(ChildSpec.worker("counter",
								() -> GenServer.startLink(new Counter(), GenServerOptions.named("counter")))))
				.withIntensity(1_000_000, SupervisorSpec.DEFAULT_MAX_SECONDS)
				.named("bench");
			Supervisor.start(runtime, spec).pid();
			ProcessRef counter = runtime.named("counter");
			long[] samples = new long[restarts];
			long[] toEvent = new long[restarts];
			for (int i = -warmup; i < restarts; i++) {
				long start = System.nanoTime();
				GenServer.cast(counter, Counter.CRASH);
				Long restarted = restartedAt.poll(10, TimeUnit.SECONDS);
				if (restarted == null) {
					throw new IllegalStateException("no ChildRestarted event within 10 s of the crash");
				}
				long value = (Long) GenServer.call(counter, Counter.GET);
				long end = System.nanoTime();
				if (value != 0) {
					throw new IllegalStateException("the restarted counter kept its old state: " + value);
				}
				if (i >= 0) {
					samples[i] = end - start;
					toEvent[i] = restarted - start;
				}
			}
			Mains.latencies("our restart, crash cast to the answered call", samples);
			Arrays.sort(toEvent);
			double eventMedian = Mains.percentile(toEvent, 50) / 1e3;
			System.out.printf("  of which crash cast to ChildRestarted event: median %.1f us%n", eventMedian);
			Mains.result("event_median_us", eventMedian);
			Supervisor.of(runtime.named("bench")).stop();
		}
	}

}
