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

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.MessageHandler;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessBody;
import dev.otpspring.process.Self;

/**
 * Workload 4: a parent starts {@value #CHILDREN} processes that each send the parent one message
 * and stop; done when the parent has all the messages. Processes per second.
 * <p>
 * Ours: a parent process spawns plain processes with {@code runtime.spawn}; each child's body
 * sends, then ends itself with {@code Self.exit(normal)} before handling any message. Pekko: a
 * parent actor spawns anonymous child actors whose setup tells the parent and returns
 * {@code Behaviors.stopped()}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class SpawnBenchmark {

	static final int CHILDREN = 100_000;

	@Benchmark
	@OperationsPerInvocation(CHILDREN)
	public void otp(Otp otp) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		otp.runtime.send(otp.parent, new Go(done));
		await(done);
	}

	@Benchmark
	@OperationsPerInvocation(CHILDREN)
	public void pekko(PekkoSide pekko) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		pekko.parent.tell(new PekkoParent.Go(done));
		await(done);
	}

	static void await(CountDownLatch done) throws InterruptedException {
		if (!done.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the parent did not hear from its " + CHILDREN + " children in 60 s");
		}
	}

	/** Asks the parent for one round of spawns; counted down when every child has reported. */
	record Go(CountDownLatch done) {
	}

	/** What each child sends its parent. */
	record ChildDone() {
	}

	static final ChildDone CHILD_DONE = new ChildDone();

	/** Our parent process: spawns the children on {@link Go}, then counts their messages. */
	static final class OtpParent implements MessageHandler {

		private final OtpRuntime runtime;

		private final ProcessBody child;

		private int pending;

		private CountDownLatch done;

		OtpParent() {
			this.runtime = Self.runtime();
			Pid parent = Self.pid();
			OtpRuntime runtime = this.runtime;
			MessageHandler never = (message) -> {
			};
			this.child = () -> {
				runtime.send(parent, CHILD_DONE);
				Self.exit(ExitReason.NORMAL);
				return never;
			};
		}

		@Override
		public void handle(Object message) {
			if (message instanceof Go go) {
				this.done = go.done();
				this.pending = CHILDREN;
				for (int i = 0; i < CHILDREN; i++) {
					this.runtime.spawn(this.child);
				}
			}
			else if (message instanceof ChildDone && --this.pending == 0) {
				this.done.countDown();
			}
		}

	}

	@State(Scope.Benchmark)
	public static class Otp {

		OtpRuntime runtime;

		Pid parent;

		@Setup(Level.Trial)
		public void start() {
			this.runtime = OtpRuntime.create();
			this.parent = this.runtime.spawn(OtpParent::new);
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.runtime.exit(this.parent, ExitReason.KILL);
			this.runtime.close();
		}

	}

	/** The Pekko parent: spawns anonymous children on {@code Go}, then counts their messages. */
	static final class PekkoParent extends AbstractBehavior<PekkoParent.Command> {

		sealed interface Command {
		}

		record Go(CountDownLatch done) implements Command {
		}

		record ChildDone() implements Command {
		}

		static final ChildDone CHILD_DONE = new ChildDone();

		private final Behavior<Void> child;

		private int pending;

		private CountDownLatch done;

		private PekkoParent(ActorContext<Command> context) {
			super(context);
			ActorRef<Command> parent = context.getSelf();
			this.child = Behaviors.setup((childContext) -> {
				parent.tell(CHILD_DONE);
				return Behaviors.stopped();
			});
		}

		static Behavior<Command> create() {
			return Behaviors.setup(PekkoParent::new);
		}

		@Override
		public Receive<Command> createReceive() {
			return newReceiveBuilder().onMessage(Go.class, (go) -> {
				this.done = go.done();
				this.pending = CHILDREN;
				for (int i = 0; i < CHILDREN; i++) {
					getContext().spawnAnonymous(this.child);
				}
				return this;
			}).onMessage(ChildDone.class, (childDone) -> {
				if (--this.pending == 0) {
					this.done.countDown();
				}
				return this;
			}).build();
		}

	}

	@State(Scope.Benchmark)
	public static class PekkoSide {

		ActorSystem<SpawnProtocol.Command> system;

		ActorRef<PekkoParent.Command> parent;

		@Setup(Level.Trial)
		public void start() {
			this.system = Pekko.system("spawn");
			this.parent = Pekko.spawn(this.system, PekkoParent.create(), "parent");
		}

		@TearDown(Level.Trial)
		public void stop() {
			Pekko.terminate(this.system);
		}

	}

}
