package dev.otpspring.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
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
 * Workload 7: one caller calls {@code get} on {@value #SERVERS} counters at once and waits for all
 * the replies. Ours: one {@code GenServer.callAsync} per counter (OTP's {@code send_request}: no
 * thread waits), then {@code CompletableFuture.allOf}. Pekko: one {@code AskPattern.ask} per counter, then
 * {@code CompletableFuture.allOf}. Calls per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class FanOutCallBenchmark {

	static final int SERVERS = 1_000;

	@Benchmark
	@OperationsPerInvocation(SERVERS)
	@SuppressWarnings("unchecked")
	public long otp(Otp otp) {
		CompletableFuture<Object>[] replies = new CompletableFuture[SERVERS];
		for (int i = 0; i < SERVERS; i++) {
			replies[i] = GenServer.callAsync(otp.counters.get(i), Counter.GET, GenServer.DEFAULT_TIMEOUT);
		}
		CompletableFuture.allOf(replies).join();
		long sum = 0;
		for (CompletableFuture<Object> reply : replies) {
			sum += (Long) reply.join();
		}
		return sum;
	}

	@Benchmark
	@OperationsPerInvocation(SERVERS)
	@SuppressWarnings("unchecked")
	public long pekko(PekkoSide pekko) {
		CompletableFuture<Long>[] replies = new CompletableFuture[SERVERS];
		for (int i = 0; i < SERVERS; i++) {
			replies[i] = AskPattern
				.<PekkoCounter.Command, Long>ask(pekko.counters.get(i), PekkoCounter.Get::new, Pekko.TIMEOUT,
						pekko.system.scheduler())
				.toCompletableFuture();
		}
		CompletableFuture.allOf(replies).join();
		long sum = 0;
		for (CompletableFuture<Long> reply : replies) {
			sum += reply.join();
		}
		return sum;
	}

	@State(Scope.Benchmark)
	public static class Otp {

		OtpRuntime runtime;

		List<Pid> counters;

		@Setup(Level.Trial)
		public void start() {
			this.runtime = OtpRuntime.create();
			this.counters = new ArrayList<>(SERVERS);
			for (int i = 0; i < SERVERS; i++) {
				this.counters.add(GenServer.start(this.runtime, new Counter()).pid());
			}
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.counters.forEach(GenServer::stop);
			this.runtime.close();
		}

	}

	@State(Scope.Benchmark)
	public static class PekkoSide {

		ActorSystem<SpawnProtocol.Command> system;

		List<ActorRef<PekkoCounter.Command>> counters;

		@Setup(Level.Trial)
		public void start() {
			this.system = Pekko.system("fan-out");
			this.counters = new ArrayList<>(SERVERS);
			for (int i = 0; i < SERVERS; i++) {
				this.counters.add(Pekko.spawn(this.system, PekkoCounter.create(), "counter-" + i));
			}
		}

		@TearDown(Level.Trial)
		public void stop() {
			Pekko.terminate(this.system);
		}

	}

}
