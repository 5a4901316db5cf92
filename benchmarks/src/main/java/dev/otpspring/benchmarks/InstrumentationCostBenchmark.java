package dev.otpspring.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessRef;
import dev.otpspring.spring.metrics.OtpCallTimers;

/**
 * Workload 8: workload 2 (a process calling a counter 10,000 times in sequence, here by its
 * registered name) with the starter's Micrometer call timers on and off — the only metric on the
 * call path; the others are read from counters the runtime keeps anyway. Calls per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class InstrumentationCostBenchmark {

	static final int CALLS = 10_000;

	@Param({ "off", "on" })
	public String metrics;

	private OtpRuntime runtime;

	private Pid caller;

	private AutoCloseable timers;

	@Setup(Level.Trial)
	public void start() {
		this.runtime = OtpRuntime.create();
		GenServer.start(this.runtime, new Counter(), GenServerOptions.named("counter"));
		ProcessRef counter = this.runtime.named("counter");
		if ("on".equals(this.metrics)) {
			this.timers = GenServer.observeCalls(this.runtime,
					new OtpCallTimers(new SimpleMeterRegistry(), "counter"::equals));
		}
		this.caller = this.runtime.spawn(() -> (message) -> {
			CallFromProcessBenchmark.Run run = (CallFromProcessBenchmark.Run) message;
			for (int i = 0; i < CALLS; i++) {
				GenServer.call(counter, Counter.GET);
			}
			run.done().countDown();
		});
	}

	@Benchmark
	@OperationsPerInvocation(CALLS)
	public void call() throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		this.runtime.send(this.caller, new CallFromProcessBenchmark.Run(done));
		CallFromProcessBenchmark.await(done);
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		if (this.timers != null) {
			this.timers.close();
		}
		GenServer.stop(this.runtime.named("counter"));
		this.runtime.close();
	}

}
