package dev.otpspring.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.otpspring.process.Pid;
import dev.otpspring.supervisor.DynamicSupervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The InfoSys search: temporary workers under the {@code infosys} dynamic supervisor, a deadline,
 * and a crashing backend that costs nothing but its own answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class InfoSysTests {

	@Autowired
	RestTestClient client;

	@Autowired
	@Qualifier("infosys")
	DynamicSupervisor infosys;

	@Test
	void aSearchCollectsWhatArrivesBeforeTheDeadlineAndStopsTheSlowWorker() {
		this.client.get().uri("/api/search?q=erlang&timeout=1s").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.backends[?(@.backend == 'wolfram')].outcome").isEqualTo("ANSWERED")
			.jsonPath("$.backends[?(@.backend == 'websearch')].outcome").isEqualTo("ANSWERED")
			.jsonPath("$.backends[?(@.backend == 'encyclopedia')].outcome").isEqualTo("TIMED_OUT")
			.jsonPath("$.answers[0].backend").isEqualTo("wolfram") // best score first
			.jsonPath("$.answers[0].text").value((text) -> assertThat((String) text).contains("Ericsson"));
		awaitNoSearchWorkers();
	}

	@Test
	void aLongerTimeoutHearsFromTheSlowBackendToo() {
		this.client.get().uri("/api/search?q=otp&timeout=10s").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.backends[*].outcome").isEqualTo(java.util.List.of("ANSWERED", "ANSWERED", "ANSWERED"))
			.jsonPath("$.answers.length()").isEqualTo(3);
		awaitNoSearchWorkers();
	}

	@Test
	void aCrashingBackendCostsOnlyItsOwnAnswersAndIsNotRestarted() {
		Pid supervisorBefore = this.infosys.ref().whereis();
		int restartsBefore = this.infosys.info().restartsInWindow();

		this.client.get().uri("/api/search?q=crash erlang&timeout=1s").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.backends[?(@.backend == 'websearch')].outcome").isEqualTo("CRASHED")
			.jsonPath("$.backends[?(@.backend == 'wolfram')].outcome").isEqualTo("ANSWERED")
			.jsonPath("$.answers[0].backend").isEqualTo("wolfram");

		awaitNoSearchWorkers(); // temporary: the crashed worker is gone, not restarted
		assertThat(this.infosys.info().restartsInWindow()).isEqualTo(restartsBefore);
		assertThat(this.infosys.ref().whereis()).isEqualTo(supervisorBefore);
	}

	@Test
	void theSearchStatisticsCountEachBackendsOutcomes() {
		this.client.get().uri("/api/search?q=crash&timeout=1s").exchange().expectStatus().isOk();
		// The statistics are cast: they arrive a moment after the answer.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> this.client.get().uri("/api/stats").exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.searchesLastMinute").value((count) -> assertThat((Integer) count).isPositive())
			.jsonPath("$.backends.websearch.crashed").value((count) -> assertThat((Integer) count).isPositive())
			.jsonPath("$.backends.encyclopedia.timedOut").value((count) -> assertThat((Integer) count).isPositive()));
	}

	private void awaitNoSearchWorkers() {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.infosys.countChildren().active() == 0);
	}

}
