package dev.otpspring.benchmarks;

import java.time.Duration;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Workload 5, Pekko side: bytes of heap per idle {@link PekkoCounter} actor. One guardian spawns N
 * counters as its children and asks each for its count; once all N have answered (so each has
 * run its setup) it replies to {@code main}, which divides the growth of the heap used after a full
 * GC by N. The guardian's children container is what keeps the actors alive, as in any Pekko app.
 * <p>
 * {@code java -cp benchmarks.jar dev.otpspring.benchmarks.PekkoIdleMemory [count]}
 */
public final class PekkoIdleMemory {

	private PekkoIdleMemory() {
	}

	public static void main(String[] args) throws Exception {
		int count = Mains.intArg(args, 0, 1_000_000);
		ActorSystem<Guardian.Command> system = Pekko.system(Guardian.create(), "idle-memory");
		try {
			long before = Mains.usedHeapAfterGc();
			int started = AskPattern
				.<Guardian.Command, Integer>ask(system, (replyTo) -> new Guardian.Start(count, replyTo),
						Duration.ofMinutes(10), system.scheduler())
				.toCompletableFuture()
				.join();
			long after = Mains.usedHeapAfterGc();
			long threads = Thread.getAllStackTraces().size();
			double perActor = (after - before) / (double) count;
			System.out.printf("%d idle Pekko counter actors alive; heap used %.1f MB -> %.1f MB; "
					+ "%.0f bytes per idle actor; %d platform threads%n", started, before / 1e6, after / 1e6, perActor,
					threads);
			Mains.result("count", started);
			Mains.result("bytes_per_process", perActor);
		}
		finally {
			Pekko.terminate(system);
		}
	}

	/** Spawns the counters, waits for each one's first reply, then tells the asker. */
	static final class Guardian extends AbstractBehavior<Guardian.Command> {

		sealed interface Command {
		}

		record Start(int count, ActorRef<Integer> replyTo) implements Command {
		}

		record Answered(long value) implements Command {
		}

		private final ActorRef<Long> answers;

		private int pending;

		private Start start;

		private Guardian(ActorContext<Command> context) {
			super(context);
			this.answers = context.messageAdapter(Long.class, Answered::new);
		}

		static Behavior<Command> create() {
			return Behaviors.setup(Guardian::new);
		}

		@Override
		public Receive<Command> createReceive() {
			return newReceiveBuilder().onMessage(Start.class, (start) -> {
				this.start = start;
				this.pending = start.count();
				for (int i = 0; i < start.count(); i++) {
					getContext().spawnAnonymous(PekkoCounter.create()).tell(new PekkoCounter.Get(this.answers));
				}
				return this;
			}).onMessage(Answered.class, (answered) -> {
				if (--this.pending == 0) {
					this.start.replyTo().tell(this.start.count());
				}
				return this;
			}).build();
		}

	}

}
