package dev.otpspring.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.otpspring.genserver.CallResult;
import dev.otpspring.genserver.From;
import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.genserver.Init;
import dev.otpspring.genserver.Action;
import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.MessageHandler;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessInfo;
import dev.otpspring.process.Self;
import dev.otpspring.process.SpawnOptions;
import dev.otpspring.process.Threads;
import dev.otpspring.supervisor.ChildSpec;
import dev.otpspring.supervisor.Strategy;
import dev.otpspring.supervisor.Supervisor;
import dev.otpspring.supervisor.SupervisorEvent;
import dev.otpspring.supervisor.SupervisorEvents;
import dev.otpspring.supervisor.SupervisorSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A million processes spawned and exited, and a hundred thousand crashes and restarts of a
 * supervised GenServer, leave nothing behind: live processes, registered names, timers, the links
 * and monitors of the long-lived processes they touched, threads — and heap, within a margin.
 * Logs are off: a crash report each would flood the build log.
 */
@Timeout(300)
class NoLeakTest {

	private static final int SPAWNS = 1_000_000;

	private static final int BATCH = 10_000;

	private static final int RESTARTS = 100_000;

	private static final int WARM_UP = 10_000;

	/** Generous, so that it cannot flake: a leak of a few hundred bytes per process would be hundreds of MB. */
	private static final long HEAP_MARGIN = 20L << 20;

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	/** Thrown by the thousand: one instance, without a stack trace. */
	private static final RuntimeException CRASH = new IllegalStateException("crash on purpose", null) {
		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}
	};

	private final OtpRuntime runtime = OtpRuntime.create();

	/** A long-lived process that short-lived ones link to and monitor; it traps exits and ignores messages. */
	private final Pid hub = this.runtime.spawn(() -> {
		Self.trapExits(true);
		return (message) -> {
		};
	});

	@AfterEach
	void close() {
		this.runtime.close();
	}

	@Test
	void aMillionProcessesSpawnedAndExitedLeaveNothingBehind() throws InterruptedException {
		try (QuietLogs quiet = QuietLogs.silence()) {
			spawnAndExit(WARM_UP);
			Baseline before = Baseline.take(this.runtime, this.hub);

			long start = System.nanoTime();
			spawnAndExit(SPAWNS);
			long elapsed = System.nanoTime() - start;

			Baseline after = before.awaitBackAt(this.runtime, this.hub);
			System.out.printf("No leaks: %,d processes spawned and exited in %,d ms; before %s; after %s%n", SPAWNS,
					TimeUnit.NANOSECONDS.toMillis(elapsed), before, after);
		}
	}

	@Test
	void aHundredThousandCrashesAndRestartsLeaveNothingBehind() throws InterruptedException {
		Semaphore restarted = new Semaphore(0);
		SupervisorEvents.of(this.runtime).subscribe((event) -> {
			if (event instanceof SupervisorEvent.ChildRestarted) {
				restarted.release();
			}
		});
		ChildSpec victim = ChildSpec.worker("victim",
				() -> GenServer.startLink(new Victim(this.hub), GenServerOptions.named("victim")));
		Pid supervisor = Supervisor
			.start(this.runtime, new SupervisorSpec("leak.root", Strategy.ONE_FOR_ONE, Integer.MAX_VALUE, 1, List.of(victim)))
			.pid();
		try (QuietLogs quiet = QuietLogs.silence()) {
			crashAndRestart(WARM_UP, restarted);
			Baseline before = Baseline.take(this.runtime, this.hub);
			ProcessInfo supervisorBefore = this.runtime.info(supervisor).orElseThrow();

			long start = System.nanoTime();
			crashAndRestart(RESTARTS, restarted);
			long elapsed = System.nanoTime() - start;

			Baseline after = before.awaitBackAt(this.runtime, this.hub);
			ProcessInfo supervisorAfter = this.runtime.info(supervisor).orElseThrow();
			assertThat(supervisorAfter.links()).as("the supervisor's links").hasSize(supervisorBefore.links().size());
			assertThat(supervisorAfter.observers()).as("monitors of the supervisor").isEqualTo(supervisorBefore.observers());
			System.out.printf("No leaks: %,d crashes and restarts in %,d ms; before %s; after %s%n", RESTARTS,
					TimeUnit.NANOSECONDS.toMillis(elapsed), before, after);
		}
	}

	/**
	 * Spawns {@code count} processes, a batch at a time, each of which touches something a leak
	 * would keep: a link to the hub, a monitor of the hub, or a registered name. One in eight
	 * crashes; the others exit normally.
	 */
	private void spawnAndExit(int count) throws InterruptedException {
		long live = this.runtime.processCount();
		for (int first = 0; first < count; first += BATCH) {
			CountDownLatch done = new CountDownLatch(BATCH);
			for (int i = first; i < first + BATCH; i++) {
				int n = i;
				SpawnOptions options = (n % 4 == 2) ? SpawnOptions.DEFAULTS.named("leak-" + n) : SpawnOptions.DEFAULTS;
				this.runtime.spawn(() -> {
					switch (n % 4) {
						case 0 -> Self.link(this.hub);
						case 1 -> Self.monitor(this.hub);
						default -> {
						}
					}
					done.countDown();
					if (n % 8 == 4) {
						throw CRASH;
					}
					Self.exit(ExitReason.NORMAL);
					return IGNORE;
				}, options);
			}
			assertThat(done.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("a batch of processes ran").isTrue();
		}
		eventually().until(this.runtime::processCount, (now) -> now == live); // the last ones have exited too
	}

	/** Crashes the victim {@code count} times, each time waiting for its restart. */
	private void crashAndRestart(int count, Semaphore restarted) throws InterruptedException {
		for (int i = 0; i < count; i++) {
			assertThatThrownBy(() -> GenServer.call(this.runtime.named("victim"), Victim.CRASH, PATIENCE))
				.isInstanceOf(ProcessExitException.class);
			assertThat(restarted.tryAcquire(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("restarted").isTrue();
		}
	}

	private static final MessageHandler IGNORE = (message) -> {
	};

	private static ConditionFactory eventually() {
		// polled on this thread: a poller thread of Awaitility's would count as a new thread
		return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).pollInSameThread();
	}

	/**
	 * A supervised GenServer that, each life, links to and monitors the hub and arms an idle
	 * timeout — all of which its crash must undo — and crashes on request.
	 */
	private record Victim(Pid hub) implements GenServerBehaviour<Object> {

		static final Object CRASH = "crash";

		@Override
		public Init<Object> init() {
			Self.link(this.hub);
			Self.monitor(this.hub);
			return Init.ok("state", Action.timeout(Duration.ofHours(1)));
		}

		@Override
		public CallResult<Object> handleCall(Object request, From from, Object state) {
			throw NoLeakTest.CRASH;
		}

	}

	/** Counts that must come back: the runtime's footprint, the hub's relations, threads, and heap. */
	private record Baseline(Footprint footprint, int hubLinks, int hubObservers, Set<Thread> platformThreads,
			Set<Long> processThreads, long usedHeap) {

		static Baseline take(OtpRuntime runtime, Pid hub) {
			ProcessInfo info = runtime.info(hub).orElseThrow();
			return new Baseline(Footprint.of(runtime), info.links().size(), info.observers(), Threads.platformThreads(),
					Threads.ids(Threads.PROCESS_THREAD), Footprint.usedHeapAfterGc());
		}

		/** Waits until every count is back where it was, and returns the counts then. */
		Baseline awaitBackAt(OtpRuntime runtime, Pid hub) {
			eventually().untilAsserted(() -> {
				assertThat(Footprint.of(runtime)).isEqualTo(this.footprint);
				ProcessInfo info = runtime.info(hub).orElseThrow();
				assertThat(info.mailboxDepth()).as("the hub's mailbox").isZero();
				assertThat(info.links()).as("the hub's links").hasSize(this.hubLinks);
				assertThat(info.observers()).as("monitors of the hub").isEqualTo(this.hubObservers);
			});
			eventually().untilAsserted(() -> assertThat(Threads.ids(Threads.PROCESS_THREAD)).as("process threads")
				.isSubsetOf(this.processThreads));
			assertThat(Threads.platformThreads()).as("platform threads").isSubsetOf(this.platformThreads);
			Baseline now = take(runtime, hub);
			assertThat(now.usedHeap).as("used heap after GC").isLessThanOrEqualTo(this.usedHeap + HEAP_MARGIN);
			return now;
		}

		@Override
		public String toString() {
			return this.footprint + ", hub with " + this.hubLinks + " links and " + this.hubObservers + " monitors, "
					+ this.platformThreads.size() + " platform threads, " + this.processThreads.size() + " process threads, "
					+ (this.usedHeap >> 20) + " MB heap in use";
		}

	}

}
