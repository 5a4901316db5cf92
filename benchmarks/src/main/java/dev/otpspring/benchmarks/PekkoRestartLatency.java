package dev.otpspring.benchmarks;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Workload 6, Pekko side: restart latency of a supervised counter,
 * {@code Behaviors.supervise(counter).onFailure(SupervisorStrategy.restart())} with failure logging
 * off. Each round tells the counter {@code Crash} and asks it {@code Get}; the mailbox keeps the
 * order and a restart keeps the ActorRef, so the reply comes from the restarted counter. The
 * sample is the time from the tell to the reply. Prints median and p99 over the measured rounds,
 * after warm-up rounds.
 * <p>
 * {@code java -cp benchmarks.jar dev.otpspring.benchmarks.PekkoRestartLatency [restarts] [warmup]}
 */
public final class PekkoRestartLatency {

	private PekkoRestartLatency() {
	}

	public static void main(String[] args) throws Exception {
		Mains.onDriverThread(() -> measure(args));
	}

	private static void measure(String[] args) throws Exception {
		int restarts = Mains.intArg(args, 0, 10_000);
		int warmup = Mains.intArg(args, 1, 5_000);
		ActorSystem<SpawnProtocol.Command> system = Pekko.system("restart-latency");
		try {
			ActorRef<PekkoCounter.Command> counter = Pekko.spawn(system,
					Behaviors.supervise(PekkoCounter.create())
						.onFailure(IllegalStateException.class, SupervisorStrategy.restart().withLoggingEnabled(false)),
					"counter");
			long[] samples = new long[restarts];
			for (int i = -warmup; i < restarts; i++) {
				long start = System.nanoTime();
				counter.tell(PekkoCounter.CRASH);
				long value = Pekko.get(system, counter);
				long end = System.nanoTime();
				if (value != 0) {
					throw new IllegalStateException("the restarted counter kept its old state: " + value);
				}
				if (i >= 0) {
					samples[i] = end - start;
				}
			}
			Mains.latencies("Pekko restart, crash tell to the answered ask", samples);
		}
		finally {
			Pekko.terminate(system);
		}
	}

}
