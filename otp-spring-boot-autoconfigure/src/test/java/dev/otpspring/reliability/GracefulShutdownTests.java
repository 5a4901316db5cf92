package dev.otpspring.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.ExitRecorder;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Threads;
import dev.otpspring.reliability.ShutdownServers.Echo;
import dev.otpspring.reliability.ShutdownServers.First;
import dev.otpspring.reliability.ShutdownServers.Last;
import dev.otpspring.reliability.ShutdownServers.Second;
import dev.otpspring.reliability.ShutdownServers.Stuck;
import dev.otpspring.reliability.ShutdownServers.Third;
import dev.otpspring.spring.autoconfigure.OtpAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the application context while clients have calls in flight: the tree stops in reverse
 * start order within its shutdown timeouts (R7.1, R7.2), trapping servers run their
 * {@code @OnTerminate} (R7.3) and a killed one does not (R12.2), every caller gets its answer or a
 * typed exception — the server exited, the name is gone, or the proxy says the tree has stopped —
 * and no OTP thread is left.
 */
class GracefulShutdownTests {

	private static final int CLIENTS = 6;

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class))
		.withUserConfiguration(Echo.class, First.class, Second.class, Third.class, Last.class, Stuck.class)
		.withPropertyValues("otp.supervisors.workers.strategy=one-for-one");

	private final AtomicLong tokens = new AtomicLong();

	private final LongAdder answered = new LongAdder();

	private final LongAdder serverExited = new LongAdder();

	private final LongAdder noProcess = new LongAdder();

	private final LongAdder refusedByTheProxy = new LongAdder();

	/** Anything else a client saw: a wrong answer or an undocumented exception. */
	private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

	@BeforeEach
	void reset() {
		ShutdownServers.reset();
	}

	@Test
	void closingTheContextUnderLoadStopsTheTreeInReverseOrderAndEveryCallerGetsAnAnswerOrATypedException() {
		Set<Long> processThreads = Threads.ids(Threads.PROCESS_THREAD);
		Set<Long> treeStoppers = Threads.ids("otp-tree-stop");
		Set<Long> timerThreads = Threads.ids("otp-timer");
		this.runner.run((context) -> {
			OtpRuntime runtime = context.getBean(OtpRuntime.class);
			Map<String, ExitRecorder> exits = new LinkedHashMap<>();
			for (String name : List.of("root", "workers", "first", "second", "third", "echo", "stuck", "last")) {
				exits.put(name, ExitRecorder.watch(runtime.whereis(name)));
			}
			Echo echo = context.getBean(Echo.class);
			CompletableFuture<Integer> echoBlocked = inBackground(echo::block);
			await(Echo.blocked);
			CompletableFuture<Long> echoQueued = inBackground(() -> echo.work(7));
			Awaitility.await()
				.atMost(PATIENCE)
				.until(() -> runtime.info(runtime.whereis("echo")).orElseThrow().mailboxDepth() == 1);
			CompletableFuture<Integer> stuckHung = inBackground(context.getBean(Stuck.class)::hang);
			await(Stuck.blocked);
			List<Thread> clients = startClients(context);
			Awaitility.await().atMost(PATIENCE).until(() -> this.answered.sum() >= 1_000);
			CompletableFuture<Integer> lastBusy = inBackground(context.getBean(Last.class)::slowly);
			await(Last.busy);

			context.close();

			// Spring's lifecycle waited for the tree: every process has exited; reverse order (R7.1),
			// terminate for the trapping servers (R7.3) but not for the killed one (R12.2)
			assertThat(runtime.processCount()).isZero();
			assertThat(ShutdownServers.terminated).containsExactly("last shutdown", "third shutdown",
					"second shutdown", "first shutdown");
			assertThat(exits.get("echo").reason()).isEqualTo(ExitReason.SHUTDOWN);
			assertThat(exits.get("last").reason()).isEqualTo(ExitReason.SHUTDOWN);
			assertThat(exits.get("stuck").reason()).isEqualTo(ExitReason.KILLED); // after its 300 ms (R7.2)
			assertThat(exits.get("first").reason()).isEqualTo(ExitReason.SHUTDOWN);
			assertThat(exits.get("workers").reason()).isEqualTo(ExitReason.SHUTDOWN);
			assertThat(exits.get("root").reason()).isEqualTo(ExitReason.NORMAL);
			// the calls in flight: failed at once by a server that does not trap exits, answered by one
			// that does (the shutdown waited behind them), failed when the blocked one was killed
			assertExitedWith(echoBlocked, ExitReason.SHUTDOWN);
			assertExitedWith(echoQueued, ExitReason.SHUTDOWN);
			assertThat(lastBusy).succeedsWithin(PATIENCE).isEqualTo(42);
			assertExitedWith(stuckHung, ExitReason.KILLED);

			for (Thread client : clients) {
				assertThat(client.join(PATIENCE)).as("%s stopped once the tree refused it", client.getName()).isTrue();
			}
			assertThat(this.unexpected).isEmpty();
			assertThat(this.refusedByTheProxy.sum()).isEqualTo(CLIENTS);
			System.out.printf("Graceful shutdown: clients' calls %,d answered, %,d failed as their server exited, %,d "
					+ "found no process, then %d refused by the proxy; four calls in flight ended as they should%n",
					this.answered.sum(), this.serverExited.sum(), this.noProcess.sum(), this.refusedByTheProxy.sum());
		});
		Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(Threads.ids(Threads.PROCESS_THREAD)).as("process threads").isSubsetOf(processThreads);
			assertThat(Threads.ids("otp-tree-stop")).as("tree stopping threads").isSubsetOf(treeStoppers);
			assertThat(Threads.ids("otp-timer")).as("timer threads").isSubsetOf(timerThreads);
		});
	}

	private static void assertExitedWith(CompletableFuture<?> call, ExitReason reason) {
		assertThat(call).failsWithin(PATIENCE)
			.withThrowableThat()
			.havingCause()
			.isInstanceOfSatisfying(ProcessExitException.class, (ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	private static void await(CountDownLatch latch) throws InterruptedException {
		assertThat(latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the server is in the call").isTrue();
	}

	/** Runs a call on a thread of its own, so that it can be in flight while the context closes. */
	private static <T> CompletableFuture<T> inBackground(Supplier<T> call) {
		CompletableFuture<T> result = new CompletableFuture<>();
		Thread.ofPlatform().name("shutdown-caller").start(() -> {
			try {
				result.complete(call.get());
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		});
		return result;
	}

	/** Clients calling random workers through their proxies, each until the proxy refuses it. */
	private List<Thread> startClients(AssertableApplicationContext context) {
		List<LongUnaryOperator> workers = List.of(context.getBean(First.class)::work, context.getBean(Second.class)::work,
				context.getBean(Third.class)::work, context.getBean(Last.class)::work);
		List<Thread> clients = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			clients.add(Thread.ofPlatform().name("shutdown-client-" + i).start(() -> {
				while (call(workers.get(ThreadLocalRandom.current().nextInt(workers.size())))) {
					// until the tree has stopped
				}
			}));
		}
		return clients;
	}

	/** @return false once the proxy refuses to call: the tree has stopped */
	private boolean call(LongUnaryOperator worker) {
		long token = this.tokens.incrementAndGet();
		try {
			long answer = worker.applyAsLong(token);
			if (answer == token) {
				this.answered.increment();
			}
			else {
				this.unexpected.add("call " + token + " answered " + answer);
			}
		}
		catch (ProcessExitException ex) {
			this.serverExited.increment();
			if (!ex.reason().equals(ExitReason.SHUTDOWN)) {
				this.unexpected.add("call " + token + ": " + ex);
			}
		}
		catch (NoProcessException ex) {
			this.noProcess.increment();
		}
		catch (IllegalStateException ex) {
			if (ex.getMessage().contains("the OTP supervision tree has stopped")) {
				this.refusedByTheProxy.increment();
				return false;
			}
			this.unexpected.add("call " + token + ": " + ex);
		}
		catch (RuntimeException ex) {
			this.unexpected.add("call " + token + ": " + ex);
		}
		return true;
	}

}
