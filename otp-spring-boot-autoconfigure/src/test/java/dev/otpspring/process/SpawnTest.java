package dev.otpspring.process;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spawning processes: where their code runs, their identity, and how a crash ends them. */
class SpawnTest {

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	@Test
	void bodyRunsInsideTheNewProcess() throws InterruptedException {
		BlockingQueue<Pid> self = new LinkedBlockingQueue<>();

		Pid pid = this.runtime.spawn(() -> {
			self.add(Self.pid());
			return (message) -> {
			};
		});

		assertThat(self.poll(5, TimeUnit.SECONDS)).isEqualTo(pid);
	}

	@Test
	void handlerRunsInsideTheProcessForEveryMessage() throws InterruptedException {
		BlockingQueue<Pid> self = new LinkedBlockingQueue<>();
		Pid pid = this.runtime.spawn(() -> (message) -> self.add(Self.pid()));

		this.runtime.send(pid, "first");
		this.runtime.send(pid, "second");

		assertThat(self.poll(5, TimeUnit.SECONDS)).isEqualTo(pid);
		assertThat(self.poll(5, TimeUnit.SECONDS)).isEqualTo(pid);
	}

	@Test
	void selfOutsideAProcessThrowsNotInProcessException() {
		assertThat(Self.inProcess()).isFalse();
		assertThatThrownBy(Self::pid).isInstanceOf(NotInProcessException.class).hasMessageContaining("Self.pid()");
	}

	@Test
	void pidsOfConcurrentSpawnsAreAllDifferent() throws InterruptedException {
		int threads = 4;
		int perThread = 2_500;
		Set<Pid> pids = ConcurrentHashMap.newKeySet();
		CountDownLatch go = new CountDownLatch(1);
		List<Thread> spawners = IntStream.range(0, threads).mapToObj((i) -> Thread.ofPlatform().start(() -> {
			Gate.await(go);
			for (int j = 0; j < perThread; j++) {
				pids.add(this.runtime.spawn(() -> (message) -> {
				}));
			}
		})).toList();

		go.countDown();
		for (Thread spawner : spawners) {
			Gate.join(spawner);
		}

		assertThat(pids).hasSize(threads * perThread);
	}

	@Test
	void aPidIsNeverReusedAfterItsProcessExits() {
		Set<Long> earlierIds = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			Pid pid = this.runtime.spawn(() -> (message) -> {
			});
			this.runtime.exit(pid, ExitReason.KILL);
			earlierIds.add(pid.id());
		}

		Pid fresh = this.runtime.spawn(() -> (message) -> {
		});

		assertThat(earlierIds).doesNotContain(fresh.id());
		assertThat(fresh.id()).isGreaterThan(earlierIds.stream().mapToLong(Long::longValue).max().orElseThrow());
	}

	@Test
	void aHandlerThatThrowsEndsTheProcessWithCrashCarryingTheException() {
		IllegalStateException boom = new IllegalStateException("boom");
		Pid pid = this.runtime.spawn(() -> (message) -> {
			throw boom;
		});
		ExitRecorder exit = ExitRecorder.watch(pid);

		this.runtime.send(pid, "anything");

		assertThat(exit.reason()).isEqualTo(ExitReason.crash(boom));
		assertThat(this.runtime.isAlive(pid)).isFalse();
	}

	@Test
	void aBodyThatThrowsEndsTheProcessWithCrashCarryingTheException() {
		IllegalStateException boom = new IllegalStateException("no start");
		Gate gate = new Gate();
		Pid pid = this.runtime.spawn(() -> {
			gate.pass();
			throw boom;
		});
		ExitRecorder exit = ExitRecorder.watch(pid);

		gate.open();

		assertThat(exit.reason()).isEqualTo(ExitReason.crash(boom));
	}

	@Test
	void processCountFollowsSpawnsAndExits() {
		long before = this.runtime.processCount();
		Pid pid = this.runtime.spawn(() -> (message) -> {
		});
		assertThat(this.runtime.processCount()).isEqualTo(before + 1);

		this.runtime.exit(pid, ExitReason.KILL);

		assertThat(this.runtime.processCount()).isEqualTo(before);
	}

	@Test
	void aMessageToAnExitedPidIsADeadLetterNotAnError() {
		Pid pid = this.runtime.spawn(() -> (message) -> {
		});
		this.runtime.exit(pid, ExitReason.KILL);
		long deadLetters = this.runtime.deadLetterCount();

		boolean delivered = this.runtime.send(pid, "too late");

		assertThat(delivered).isFalse();
		assertThat(this.runtime.deadLetterCount()).isEqualTo(deadLetters + 1);
	}

}
