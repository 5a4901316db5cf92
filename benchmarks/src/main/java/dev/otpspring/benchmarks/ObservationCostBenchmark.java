package dev.otpspring.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleTracer;
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
import dev.otpspring.spring.observation.OtpObservations;

/**
 * Workload 9: workload 2 by name (a process calling a counter 10,000 times in sequence) with the
 * starter's observations of calls: none installed; installed with an ObservationRegistry that has
 * no handler (what an application without a tracer or meter handler pays); with Micrometer's
 * meter handler (a timer per observation); with a tracer (a span per side, the context carried
 * into the server). Calls per second, from a process ({@code call}) and from a plain thread
 * ({@code callFromThread}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class ObservationCostBenchmark {

	static final int CALLS = 10_000;

	@Param({ "none", "no-handler", "meters", "tracer" })
	public String observations;

	private OtpRuntime runtime;

	private Pid caller;

	private OtpObservations installed;

	private SimpleTracer tracer;

	private ProcessRef counter;

	@Setup(Level.Trial)
	public void start() {
		this.runtime = OtpRuntime.create();
		GenServer.start(this.runtime, new Counter(), GenServerOptions.named("counter"));
		ProcessRef counter = this.runtime.named("counter");
		this.counter = counter;
		ObservationRegistry registry = ObservationRegistry.create();
		switch (this.observations) {
			case "meters" -> registry.observationConfig()
				.observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
			case "tracer" -> {
				this.tracer = new SimpleTracer();
				registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(this.tracer));
			}
			default -> {
			}
		}
		if (!"none".equals(this.observations)) {
			this.installed = new OtpObservations(this.runtime, registry, null, (request) -> "Get");
		}
		this.caller = this.runtime.spawn(() -> (message) -> {
			CallFromProcessBenchmark.Run run = (CallFromProcessBenchmark.Run) message;
			for (int i = 0; i < CALLS; i++) {
				GenServer.call(counter, Counter.GET);
			}
			run.done().countDown();
		});
	}

	/** The test tracer keeps every span: empty it between batches so memory stays flat. */
	@Setup(Level.Invocation)
	public void forgetSpans() {
		if (this.tracer != null) {
			this.tracer.getSpans().clear();
		}
	}

	/** The same calls from the benchmark's own (platform) thread: no process-to-process scheduling in the way. */
	@Benchmark
	@OperationsPerInvocation(CALLS)
	public void callFromThread() {
		for (int i = 0; i < CALLS; i++) {
			GenServer.call(this.counter, Counter.GET);
		}
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
		if (this.installed != null) {
			this.installed.close();
		}
		GenServer.stop(this.runtime.named("counter"));
		this.runtime.close();
	}

}
