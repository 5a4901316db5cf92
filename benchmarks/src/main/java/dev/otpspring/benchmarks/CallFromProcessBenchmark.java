package dev.otpspring.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
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
 * Workload 2: a process calls {@code get} {@value #CALLS} times in sequence, each waiting for its
 * reply, then tells the benchmark thread it is done. Ours: a spawned process whose handler loops
 * over blocking {@code GenServer.call}s. Pekko: an actor that sends {@code Get(replyTo)} and sends
 * the next one when the reply arrives (replies come through a message adapter, the typed idiom).
 * Calls per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class CallFromProcessBenchmark {

	static final int CALLS = 10_000;

	@Benchmark
	@OperationsPerInvocation(CALLS)
	public void otp(Otp otp) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		otp.runtime.send(otp.caller, new Run(done));
		await(done);
	}

	@Benchmark
	@OperationsPerInvocation(CALLS)
	public void pekko(PekkoSide pekko) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		pekko.caller.tell(new PekkoCaller.Run(done));
		await(done);
	}

	static void await(CountDownLatch done) throws InterruptedException {
		if (!done.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the calling process did not finish its " + CALLS + " calls in 60 s");
		}
	}

	/** Asks our calling process for one round of calls. */
	record Run(CountDownLatch done) {
	}

	@State(Scope.Benchmark)
	public static class Otp {

		OtpRuntime runtime;

		Pid counter;

		Pid caller;

		@Setup(Level.Trial)
		public void start() {
			this.runtime = OtpRuntime.create();
			Pid counter = GenServer.start(this.runtime, new Counter()).pid();
			this.counter = counter;
			this.caller = this.runtime.spawn(() -> (message) -> {
				Run run = (Run) message;
				for (int i = 0; i < CALLS; i++) {
					GenServer.call(counter, Counter.GET);
				}
				run.done().countDown();
			});
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

		ActorRef<PekkoCaller.Command> caller;

		@Setup(Level.Trial)
		public void start() {
			this.system = Pekko.system("call-from-process");
			ActorRef<PekkoCounter.Command> counter = Pekko.spawn(this.system, PekkoCounter.create(), "counter");
			this.caller = Pekko.spawn(this.system, PekkoCaller.create(counter), "caller");
		}

		@TearDown(Level.Trial)
		public void stop() {
			Pekko.terminate(this.system);
		}

	}

	/** The Pekko calling actor: one {@code Get} in flight at a time, the next sent on each reply. */
	static final class PekkoCaller extends AbstractBehavior<PekkoCaller.Command> {

		sealed interface Command {
		}

		record Run(CountDownLatch done) implements Command {
		}

		record Got(long value) implements Command {
		}

		private final ActorRef<PekkoCounter.Command> counter;

		private final ActorRef<Long> replies;

		private int remaining;

		private CountDownLatch done;

		private PekkoCaller(ActorContext<Command> context, ActorRef<PekkoCounter.Command> counter) {
			super(context);
			this.counter = counter;
			this.replies = context.messageAdapter(Long.class, Got::new);
		}

		static Behavior<Command> create(ActorRef<PekkoCounter.Command> counter) {
			return Behaviors.setup((context) -> new PekkoCaller(context, counter));
		}

		@Override
		public Receive<Command> createReceive() {
			return newReceiveBuilder().onMessage(Run.class, (run) -> {
				this.done = run.done();
				this.remaining = CALLS;
				this.counter.tell(new PekkoCounter.Get(this.replies));
				return this;
			}).onMessage(Got.class, (got) -> {
				if (--this.remaining > 0) {
					this.counter.tell(new PekkoCounter.Get(this.replies));
				}
				else {
					this.done.countDown();
				}
				return this;
			}).build();
		}

	}

}
