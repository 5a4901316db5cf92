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
 * Workload 1: a plain (non-process) thread calls {@code get} on an idle counter, back to back.
 * Ours: {@code GenServer.call}; Pekko: {@code AskPattern.ask}. Calls per second; the report also
 * shows the average round trip (1 / throughput, one caller).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class CallFromThreadBenchmark {

	@Benchmark
	public Object otp(Otp otp) {
		return GenServer.call(otp.counter, Counter.GET);
	}

	@Benchmark
	public long pekko(PekkoSide pekko) {
		return Pekko.get(pekko.system, pekko.counter);
	}

	@State(Scope.Benchmark)
	public static class Otp {

		OtpRuntime runtime;

		Pid counter;

		@Setup(Level.Trial)
		public void start() {
			this.runtime = OtpRuntime.create();
			this.counter = GenServer.start(this.runtime, new Counter()).pid();
		}

		@TearDown(Level.Trial)
		public void stop() {
			GenServer.stop(this.counter);
			this.runtime.close();
		}

	}

	@State(Scope.Benchmark)
	public static class PekkoSide {

		ActorSystem<SpawnProtocol.Command> system;

		ActorRef<PekkoCounter.Command> counter;

		@Setup(Level.Trial)
		public void start() {
			this.system = Pekko.system("call-from-thread");
			this.counter = Pekko.spawn(this.system, PekkoCounter.create(), "counter");
		}

		@TearDown(Level.Trial)
		public void stop() {
			Pekko.terminate(this.system);
		}

	}

}
