package dev.otpspring.benchmarks;

import java.util.concurrent.TimeUnit;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.SpawnProtocol;
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

/**
 * Workload 3: {@value #CASTS} {@code inc} casts to one counter from a plain thread, then one
 * {@code get} call that returns once all of them have been handled. Messages per second. The
 * count is checked at the end of the trial, so a lost message fails the run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class CastThroughputBenchmark {

	static final int CASTS = 1_000_000;

	@Benchmark
	@OperationsPerInvocation(CASTS)
	public long otp(Otp otp) {
		for (int i = 0; i < CASTS; i++) {
			GenServer.cast(otp.counter, Counter.INC);
		}
		otp.expected += CASTS;
		return (Long) GenServer.call(otp.counter, Counter.GET);
	}

	@Benchmark
	@OperationsPerInvocation(CASTS)
	public long pekko(PekkoSide pekko) {
		for (int i = 0; i < CASTS; i++) {
			pekko.counter.tell(PekkoCounter.INC);
		}
		pekko.expected += CASTS;
		return Pekko.get(pekko.system, pekko.counter);
	}

	static void check(String side, long expected, long actual) {
		if (actual != expected) {
			throw new IllegalStateException(side + " counter is at " + actual + " after " + expected + " casts");
		}
	}

	@State(Scope.Benchmark)
	public static class Otp {

		OtpRuntime runtime;

		Pid counter;

		long expected;

		@Setup(Level.Trial)
		public void start() {
			this.runtime = OtpRuntime.create();
			this.counter = GenServer.start(this.runtime, new Counter()).pid();
		}

		@TearDown(Level.Trial)
		public void stop() {
			check("our", this.expected, (Long) GenServer.call(this.counter, Counter.GET));
			GenServer.stop(this.counter);
			this.runtime.close();
		}

	}

	@State(Scope.Benchmark)
	public static class PekkoSide {

		ActorSystem<SpawnProtocol.Command> system;

		ActorRef<PekkoCounter.Command> counter;

		long expected;

		@Setup(Level.Trial)
		public void start() {
			this.system = Pekko.system("cast-throughput");
			this.counter = Pekko.spawn(this.system, PekkoCounter.create(), "counter");
		}

		@TearDown(Level.Trial)
		public void stop() {
			check("the Pekko", this.expected, Pekko.get(this.system, this.counter));
			Pekko.terminate(this.system);
		}

	}

}
