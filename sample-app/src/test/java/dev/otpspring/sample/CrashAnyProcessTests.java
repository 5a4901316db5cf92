package dev.otpspring.sample;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code POST /api/crash/{name}}, the page's crash button: every process heals the same way. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class CrashAnyProcessTests {

	@Autowired
	RestTestClient client;

	TreeProbe tree;

	@BeforeEach
	void probe() {
		this.tree = new TreeProbe(this.client);
	}

	@Test
	void aCrashedAgentRestartsEmpty() {
		this.client.put().uri("/api/cache/fruit").body("apple").exchange().expectStatus().isOk();
		TreeProbe.Node cache = this.tree.node("cache");

		this.client.post().uri("/api/crash/cache").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.how").isEqualTo("exit signal: crashed from the page");

		this.tree.awaitRestartedOnce("cache", cache);
		this.client.get().uri("/api/cache/fruit").exchange().expectStatus().isNotFound();
		this.client.get().uri("/actuator/otp/cache").exchange().expectBody().jsonPath("$.lastExitReason")
			.isEqualTo("crashed from the page");
	}

	@Test
	void theBehaviourStyleStatisticsServerRestartsFromZero() {
		this.client.get().uri("/api/search?q=otp&timeout=1s").exchange().expectStatus().isOk();
		await().atMost(Duration.ofSeconds(10)).until(() -> !statsBackends().isEmpty());
		TreeProbe.Node stats = this.tree.node("stats");

		this.client.post().uri("/api/crash/stats").exchange().expectStatus().isOk();

		this.tree.awaitRestartedOnce("stats", stats);
		assertThat(statsBackends()).isEmpty();
	}

	@Test
	void aCrashedSupervisorIsRestartedByItsParent() {
		TreeProbe.Node infosys = this.tree.node("infosys");

		this.client.post().uri("/api/crash/infosys").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.how").isEqualTo("a request it does not understand");

		this.tree.awaitRestartedOnce("infosys", infosys);
		this.client.get().uri("/api/search?q=erlang&timeout=1s").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.backends[?(@.backend == 'wolfram')].outcome").isEqualTo("ANSWERED");
	}

	@Test
	void theRootCannotBeCrashedAndUnknownNamesAre404() {
		this.client.post().uri("/api/crash/root").exchange().expectStatus().isEqualTo(409);
		this.client.post().uri("/api/crash/no-such-process").exchange().expectStatus().isNotFound();
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

	private java.util.Map<?, ?> statsBackends() {
		java.util.Map<?, ?> body = this.client.get().uri("/api/stats").exchange().expectStatus().isOk()
			.expectBody(java.util.Map.class).returnResult().getResponseBody();
		return (java.util.Map<?, ?>) body.get("backends");
	}

}
