package dev.otpspring.sample.infosys;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.otpspring.process.ManualScheduler;
import dev.otpspring.test.OtpTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stats server's one-second timer, driven by the manual clock of {@code @OtpTest}: a minute
 * passes in a few milliseconds, and exactly as many ticks arrive as seconds were advanced.
 */
@OtpTest
@Import(SearchStats.class) // the client API: a plain @Component, which the slice leaves out
class SearchStatsClockTests {

	private static final Duration ONE_SECOND = Duration.ofSeconds(1);

	@Autowired
	private SearchStats stats;

	@Autowired
	private ManualScheduler clock;

	@Test
	void everySecondOnTheClockAddsOneSecondOfUptime() {
		long uptime = this.stats.snapshot().uptimeSeconds();
		this.clock.advance(Duration.ofMillis(999));
		assertThat(this.stats.snapshot().uptimeSeconds()).isEqualTo(uptime);
		for (int second = 1; second <= 3; second++) {
			this.clock.advance(ONE_SECOND);
			assertThat(this.stats.snapshot().uptimeSeconds()).isEqualTo(uptime + second);
		}
	}

	@Test
	void aSearchLeavesTheOneMinuteWindowSixtySecondsLater() {
		this.stats.record(List.of(BackendReport.answered("wolfram", 1)));
		assertThat(this.stats.snapshot().searchesLastMinute()).isEqualTo(1);
		assertThat(this.stats.snapshot().backends().get("wolfram").answered()).isEqualTo(1);

		advanceSeconds(59);
		assertThat(this.stats.snapshot().searchesLastMinute()).isEqualTo(1);
		advanceSeconds(1);
		assertThat(this.stats.snapshot().searchesLastMinute()).isZero();
	}

	/**
	 * One second at a time, with a call after each: the server re-arms its timer while handling a
	 * tick, so a single big advance would outrun it; the call returns once the tick is handled.
	 */
	private void advanceSeconds(int seconds) {
		for (int i = 0; i < seconds; i++) {
			this.clock.advance(ONE_SECOND);
			this.stats.snapshot();
		}
	}

}
