package dev.otpspring.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The system scheduler's timing wheel: never early, never lost, cancel means never, and no leftovers. */
class SystemSchedulerTest {

	private final Scheduler scheduler = Scheduler.system();

	@AfterEach
	void close() {
		this.scheduler.close();
	}

	@Test
	void timersFireNoEarlierThanTheirDeadlineIncludingBeyondOneTurnOfTheWheel() throws Exception {
		long[] delaysMillis = { 0, 1, 3, 17, 250, 700 }; // the wheel turns every 512 ticks of 1 ms
		CountDownLatch fired = new CountDownLatch(delaysMillis.length);
		ConcurrentLinkedQueue<String> early = new ConcurrentLinkedQueue<>();
		for (long delay : delaysMillis) {
			long deadline = this.scheduler.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
			this.scheduler.schedule(TimeUnit.MILLISECONDS.toNanos(delay), () -> {
				if (this.scheduler.nanoTime() < deadline) {
					early.add(delay + " ms");
				}
				fired.countDown();
			});
		}
		assertThat(fired.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(early).isEmpty();
		assertThat(this.scheduler.pendingTimers()).isZero();
	}

	@Test
	void aCancelledTimerNeverFiresAndIsNoLongerPending() throws Exception {
		CountDownLatch later = new CountDownLatch(1);
		List<String> fired = new ArrayList<>();
		TimerRef cancelled = this.scheduler.schedule(TimeUnit.MILLISECONDS.toNanos(20), () -> fired.add("cancelled"));
		assertThat(cancelled.cancel()).isTrue();
		assertThat(cancelled.cancel()).isFalse();
		this.scheduler.schedule(TimeUnit.MILLISECONDS.toNanos(40), later::countDown); // due after the cancelled one
		assertThat(later.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(fired).isEmpty();
		assertThat(this.scheduler.pendingTimers()).isZero();
	}

	@Test
	void manyTimersScheduledAndCancelledFromManyThreadsLeaveNothingPending() throws Exception {
		int threads = 8;
		int perThread = 20_000;
		CountDownLatch done = new CountDownLatch(threads);
		CountDownLatch kept = new CountDownLatch(threads * perThread / 2);
		for (int t = 0; t < threads; t++) {
			Thread.ofVirtual().start(() -> {
				for (int i = 0; i < perThread; i++) {
					TimerRef timer = this.scheduler.schedule(TimeUnit.MILLISECONDS.toNanos(1 + i % 5), kept::countDown);
					if (i % 2 == 0) {
						timer.cancel();
					}
				}
				done.countDown();
			});
		}
		assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(kept.await(30, TimeUnit.SECONDS)).isTrue(); // every timer not cancelled fired
		await().until(() -> this.scheduler.pendingTimers() == 0);
	}

	@Test
	void aFailingTaskDoesNotStopLaterTimers() throws Exception {
		CountDownLatch after = new CountDownLatch(1);
		this.scheduler.schedule(0, () -> {
			throw new IllegalStateException("a broken timer task");
		});
		this.scheduler.schedule(TimeUnit.MILLISECONDS.toNanos(5), after::countDown);
		assertThat(after.await(30, TimeUnit.SECONDS)).isTrue();
	}

}
