package dev.otpspring.process;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link OtpRuntime#sendAfter}, on a {@link ManualScheduler}: timers fire on the thread that
 * advances time, so "not yet delivered" is proved by a marker sent afterwards (FIFO per sender).
 */
class TimerTest {

	private final ManualScheduler time = new ManualScheduler();

	private final OtpRuntime runtime = OtpRuntime.builder().scheduler(this.time).build();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	@Test
	void aTimerMessageIsDeliveredOnlyOnceItsDelayHasPassed() {
		TestProbe probe = TestProbe.spawn(this.runtime);
		this.runtime.sendAfter(probe.pid(), "tick", Duration.ofSeconds(30));

		this.time.advance(Duration.ofSeconds(30).minusNanos(1));
		this.runtime.send(probe.pid(), "marker");
		this.time.advance(Duration.ofNanos(1));

		assertThat(probe.expectMessages(2)).containsExactly("marker", "tick");
	}

	@Test
	void aTimerCancelledBeforeFiringIsNeverDelivered() {
		TestProbe probe = TestProbe.spawn(this.runtime);
		TimerRef timer = this.runtime.sendAfter(probe.pid(), "tick", Duration.ofSeconds(30));

		boolean cancelled = timer.cancel();
		this.time.advance(Duration.ofMinutes(1));
		this.runtime.send(probe.pid(), "marker");

		assertThat(cancelled).isTrue();
		probe.expectMessage("marker");
		probe.expectNoMessage();
	}

	@Test
	void cancellingAFiredTimerReportsFalse() {
		TestProbe probe = TestProbe.spawn(this.runtime);
		TimerRef timer = this.runtime.sendAfter(probe.pid(), "tick", Duration.ofSeconds(1));
		this.time.advance(Duration.ofSeconds(1));

		assertThat(timer.cancel()).isFalse();
		probe.expectMessage("tick");
	}

	@Test
	void pendingTimersReturnToTheBaselineAfterFiringAndCancelling() {
		TestProbe probe = TestProbe.spawn(this.runtime);
		int baseline = this.runtime.timerCount();
		this.runtime.sendAfter(probe.pid(), "fires", Duration.ofSeconds(1));
		TimerRef cancelled = this.runtime.sendAfter(probe.pid(), "cancelled", Duration.ofSeconds(2));
		assertThat(this.runtime.timerCount()).isEqualTo(baseline + 2);

		this.time.advance(Duration.ofSeconds(1));
		cancelled.cancel();

		assertThat(this.runtime.timerCount()).isEqualTo(baseline);
	}

	@Test
	void timersFireInDueOrder() {
		TestProbe probe = TestProbe.spawn(this.runtime);
		this.runtime.sendAfter(probe.pid(), "third", Duration.ofSeconds(3));
		this.runtime.sendAfter(probe.pid(), "first", Duration.ofSeconds(1));
		this.runtime.sendAfter(probe.pid(), "second", Duration.ofSeconds(2));

		this.time.advance(Duration.ofSeconds(3));

		assertThat(probe.expectMessages(3)).containsExactly("first", "second", "third");
	}

	@Test
	void aNameIsResolvedWhenTheTimerFires() {
		this.runtime.sendAfter(this.runtime.named("late"), "tick", Duration.ofSeconds(1));
		TestProbe probe = TestProbe.spawn(this.runtime);
		this.runtime.register("late", probe.pid());

		this.time.advance(Duration.ofSeconds(1));

		probe.expectMessage("tick");
	}

	@Test
	void aTimerForANameNobodyHoldsBecomesADeadLetter() {
		this.runtime.sendAfter(this.runtime.named("nobody"), "tick", Duration.ofSeconds(1));
		long deadLetters = this.runtime.deadLetterCount();

		this.time.advance(Duration.ofSeconds(1));

		assertThat(this.runtime.deadLetterCount()).isEqualTo(deadLetters + 1);
	}

	@Test
	void theSystemSchedulerDeliversAfterTheDelayAndForgetsTheTimer() {
		try (OtpRuntime system = OtpRuntime.create()) {
			TestProbe probe = TestProbe.spawn(system);
			int baseline = system.timerCount();

			system.sendAfter(probe.pid(), "tick", Duration.ofMillis(20));

			probe.expectMessage("tick");
			await().atMost(TestProbe.TIMEOUT).until(() -> system.timerCount() == baseline);
		}
	}

}
