package dev.otpspring.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;

/** Cast throughput: a batch of casts to one counter, then one call that waits until all are handled. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OtpCastBenchmark {

	static final int BATCH = 100_000;

	private OtpRuntime runtime;

	private Pid counter;

	@Setup(Level.Trial)
	public void start() {
		this.runtime = OtpRuntime.create();
		this.counter = GenServer.start(this.runtime, new Counter()).pid();
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public Object castBatch() {
		for (int i = 0; i < BATCH; i++) {
			GenServer.cast(this.counter, Counter.INC);
		}
		return GenServer.call(this.counter, Counter.GET);
	}

	@TearDown(Level.Trial)
	public void stop() {
		GenServer.stop(this.counter);
		this.runtime.close();
	}

}
