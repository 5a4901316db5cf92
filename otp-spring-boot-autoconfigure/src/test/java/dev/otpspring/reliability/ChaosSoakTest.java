package dev.otpspring.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Self;
import dev.otpspring.process.Threads;
import dev.otpspring.reliability.FaultInjector.Fault;
import dev.otpspring.supervisor.Supervisor;
import dev.otpspring.supervisor.SupervisorEvent;
import dev.otpspring.supervisor.SupervisorEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos soak: a three-level tree with every strategy ({@link ChaosTree}), clients calling
 * and casting from threads and from processes ({@link SoakClient}), and a {@link FaultInjector}
 * killing, crashing and slowing random processes — for {@code otp.soak.seconds} (60 by default;
 * {@code -Dotp.soak.seconds=600} for a long run). Every call must get its own answer or a
 * documented exception, none may hang past its timeout ({@link Watchdog}), every fault must be
 * answered by its supervisor's rules ({@link RestartAccounting}), and once the load stops the tree
 * must be back to full strength with nothing leaked.
 */
class ChaosSoakTest {

	private static final Duration SOAK = Duration.ofSeconds(Long.getLong("otp.soak.seconds", 60));

	private static final int CLIENT_THREADS = 8;

	private static final int CLIENT_PROCESSES = 2;

	/** How long the tree may take to heal once the load stops: a bound on waiting, not a speed. */
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final OtpRuntime runtime = OtpRuntime.create();

	private final List<SupervisorEvent> events = new CopyOnWriteArrayList<>();

	private final SoakFigures figures = new SoakFigures();

	@AfterEach
	void close() {
		this.runtime.close();
	}

	@Test
	void underFaultsAndLoadEveryCallIsAnsweredOrFailsTypedAndTheTreeHeals() throws Exception {
		Set<Thread> threadsBefore = Threads.platformThreads();
		Set<Long> processThreadsBefore = Threads.ids(Threads.PROCESS_THREAD);
		Footprint before = Footprint.of(this.runtime);
		SupervisorEvents.of(this.runtime).subscribe(this.events::add);
		ChaosTree tree = ChaosTree.start(this.runtime);
		Footprint started = Footprint.of(this.runtime);

		try (QuietLogs quiet = QuietLogs.silence(); Watchdog watchdog = Watchdog.start()) {
			List<Fault> faults = runLoad(tree, watchdog);
			Watchdog.Slot test = watchdog.slot("the test, checking the tree");
			test.begin("checks after the load", PATIENCE.multipliedBy(4));

			// Every crash a cast delivered ends its target, sooner or later; then the tree heals.
			eventually().until(() -> faults.stream()
				.filter(Fault::endsTarget)
				.allMatch((fault) -> this.runtime.exitReason(fault.pid()).isPresent()));
			eventually().untilAsserted(tree::assertFullStrength);
			Footprint healed = Footprint.of(this.runtime);
			RestartAccounting accounting = new RestartAccounting(this.runtime, tree, faults, List.copyOf(this.events));
			System.out.println("Chaos soak: " + this.figures);
			System.out.println("Chaos soak: " + accounting);
			this.figures.problems().forEach((problem) -> System.out.println("Chaos soak problem: " + problem));

			assertThat(this.figures.lost()).as("calls lost: wrong replies and undocumented failures").isZero();
			assertThat(this.figures.answered.sum()).as("calls answered").isPositive();
			assertThat(accounting.violations()).as("faults and restarts that do not add up").isEmpty();
			assertThat(healed.processes()).as("live processes").isEqualTo(before.processes() + tree.expectedSize());
			assertThat(healed.timers()).as("pending timers").isEqualTo(before.timers());

			Supervisor.of(this.runtime.named(ChaosTree.ROOT)).stop();
			eventually().untilAsserted(() -> assertThat(Footprint.of(this.runtime)).isEqualTo(before));
			eventually().untilAsserted(() -> assertThat(Threads.ids(Threads.PROCESS_THREAD)).as("process threads")
				.isSubsetOf(processThreadsBefore));
			System.out.println("Chaos soak footprint: before " + before + "; started " + started + "; healed after "
					+ "the faults " + healed + "; after stop " + Footprint.of(this.runtime));
			test.end();
		}
		this.runtime.close(); // its timer thread ends with it
		eventually().untilAsserted(() -> assertThat(Threads.platformThreads()).as("platform threads left behind")
			.isSubsetOf(threadsBefore));
	}

	/**
	 * Runs the injector and the clients for {@link #SOAK}, or until something hangs, and stops
	 * them.
	 * @return the faults injected
	 */
	private List<Fault> runLoad(ChaosTree tree, Watchdog watchdog) throws Exception {
		CountDownLatch stop = new CountDownLatch(1);
		FaultInjector injector = new FaultInjector(this.runtime, tree, watchdog, this.figures, stop);
		List<Thread> threads = new ArrayList<>();
		threads.add(thread("soak-injector").start(injector::run));
		for (int i = 0; i < CLIENT_THREADS; i++) {
			SoakClient client = new SoakClient("client thread " + i, this.runtime, tree, watchdog, this.figures);
			threads.add(thread("soak-client-" + i).start(() -> client.run(() -> stop.getCount() == 0)));
		}
		List<CompletableFuture<ExitReason>> processes = new ArrayList<>();
		for (int i = 0; i < CLIENT_PROCESSES; i++) {
			SoakClient client = new SoakClient("client process " + i, this.runtime, tree, watchdog, this.figures);
			processes.add(runInProcess(() -> client.run(() -> stop.getCount() == 0)));
		}

		boolean nothingHung = watchdog.awaitNoHang(SOAK);
		stop.countDown();
		for (Thread thread : threads) {
			assertThat(thread.join(PATIENCE)).as("%s finished", thread.getName()).isTrue();
		}
		for (CompletableFuture<ExitReason> process : processes) {
			assertThat(process.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(ExitReason.NORMAL);
		}
		assertThat(watchdog.hangs()).as("operations that hung past their timeout + %s", Watchdog.MARGIN).isEmpty();
		assertThat(nothingHung).isTrue();
		System.out.println("Chaos soak over " + SOAK.toSeconds() + " s: " + tree.expectedSize() + " processes, "
				+ CLIENT_THREADS + " client threads and " + CLIENT_PROCESSES + " client processes; faults injected "
				+ injector.injected() + ", not injected (target between two lives) " + this.figures.missedFaults.sum());
		return injector.faults();
	}

	/** A platform thread whose death by an exception counts as a lost operation. */
	private Thread.Builder thread(String name) {
		return Thread.ofPlatform()
			.name(name)
			.uncaughtExceptionHandler((thread, ex) -> this.figures.unexpected(name + " died", ex));
	}

	/** Runs {@code work} inside a new process, which then exits normally. */
	private CompletableFuture<ExitReason> runInProcess(Runnable work) {
		CompletableFuture<ExitReason> exit = new CompletableFuture<>();
		Pid pid = this.runtime.spawn(() -> (message) -> {
			work.run();
			Self.exit(ExitReason.NORMAL);
		});
		this.runtime.watch(pid, (exited, reason) -> exit.complete(reason));
		this.runtime.send(pid, "go");
		return exit;
	}

	private static ConditionFactory eventually() {
		// polled on the test's thread: a poller thread of Awaitility's would count as a leaked thread
		return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).pollInSameThread();
	}

}
