package dev.otpspring.supervisor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Threads;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of crashes under one_for_all while clients keep calling the children: no deadlock,
 * no leaked process, no leaked platform thread (R4.2 under load).
 */
class RestartStormTest {

	private static final int CHILDREN = 10;

	private static final int CRASHES = 2_000;

	private final SupervisionKit kit = SupervisionKit.withSystemClock();

	/** Anything a client thread threw that is not a documented outcome of its call. */
	private final Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();

	@AfterEach
	void close() throws Exception {
		this.kit.close();
	}

	/** Starts {@code count} platform threads that run {@code step} until it returns false. */
	private List<Thread> clients(String name, int count, BooleanSupplier step) {
		return IntStream.range(0, count)
			.mapToObj((i) -> Thread.ofPlatform()
				.name(name + "-" + i)
				.uncaughtExceptionHandler((thread, ex) -> this.unexpected.add(ex))
				.start(() -> {
					boolean more;
					do {
						more = step.getAsBoolean();
					}
					while (more);
				}))
			.toList();
	}

	/** Kills a random running child; asking the supervisor first paces the crashers to its restarts. */
	private boolean crashRandomChild(Supervisor supervisor, AtomicInteger crashes) {
		List<Pid> running = supervisor.whichChildren().stream().map(ChildInfo::pid).filter(Objects::nonNull).toList();
		Pid victim = running.get(ThreadLocalRandom.current().nextInt(running.size()));
		if (this.kit.runtime.exit(victim, ExitReason.of("storm"))) {
			return crashes.incrementAndGet() < CRASHES;
		}
		return crashes.get() < CRASHES;
	}

	/** Calls a random child by name; a child between incarnations is a documented outcome. */
	private void callRandomChild(AtomicInteger answered) {
		try {
			String id = "w" + ThreadLocalRandom.current().nextInt(CHILDREN);
			GenServer.call(this.kit.runtime.named(id), new TestWorker.Ping(), Duration.ofSeconds(30));
			answered.incrementAndGet();
		}
		catch (NoProcessException | ProcessExitException ex) {
			// not registered right now, or stopped before it could answer
		}
	}

	private static void join(List<Thread> threads) throws InterruptedException {
		for (Thread thread : threads) {
			thread.join();
		}
	}

	@Test
	@Timeout(60)
	void restartStormNeitherDeadlocksNorLeaks() throws Exception {
		Set<Thread> threadsBefore = Threads.platformThreads();
		long processesBefore = this.kit.runtime.processCount();
		List<ChildSpec> children = IntStream.range(0, CHILDREN).mapToObj((i) -> this.kit.probe.worker("w" + i)).toList();
		Supervisor supervisor = this.kit
			.start(SupervisorSpec.of(Strategy.ONE_FOR_ALL, children).withIntensity(Integer.MAX_VALUE, 3600));
		AtomicInteger crashes = new AtomicInteger();
		AtomicInteger answered = new AtomicInteger();
		AtomicBoolean storming = new AtomicBoolean(true);

		List<Thread> crashers = clients("crasher", 8, () -> crashRandomChild(supervisor, crashes));
		List<Thread> callers = clients("caller", 4, () -> {
			callRandomChild(answered);
			return storming.get();
		});
		join(crashers);
		storming.set(false);
		join(callers);

		// Each kill put its exit signal in the supervisor's mailbox before returning, so this call
		// is served after every restart the storm caused.
		assertThat(this.unexpected).isEmpty();
		assertThat(crashes).hasValueGreaterThanOrEqualTo(CRASHES);
		assertThat(supervisor.whichChildren()).hasSize(CHILDREN)
			.extracting(ChildInfo::status)
			.containsOnly(ChildStatus.RUNNING);
		for (int i = 0; i < CHILDREN; i++) {
			assertThat(GenServer.call(this.kit.runtime.named("w" + i), new TestWorker.Ping())).isEqualTo("w" + i);
		}
		assertThat(answered).hasPositiveValue();
		assertThat(this.kit.runtime.processCount()).isEqualTo(processesBefore + 1 + CHILDREN);
		supervisor.stop();
		// stop returns once the supervisor is dead; it leaves the live count a moment later (polled
		// on this thread: Awaitility's own poller thread would count as a new thread below)
		SupervisionKit.eventually()
			.pollInSameThread()
			.until(this.kit.runtime::processCount, (count) -> count == processesBefore);
		Set<Thread> newThreads = Threads.platformThreads();
		newThreads.removeAll(threadsBefore);
		assertThat(newThreads).isEmpty();
	}

}
