package dev.otpspring.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.otpspring.spring.OtpSupervisionTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exhaust the root's restart intensity over HTTP, with the application kept running: health and the
 * liveness probe go DOWN, and calls say the tree is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "otp.supervisors.root.max-restarts=1", "otp.root.on-give-up=keep-running" })
@AutoConfigureRestTestClient
class RootGivesUpTests {

	@Autowired
	RestTestClient client;

	@Autowired
	OtpSupervisionTree tree;

	@Test
	void healthIsDownOnceTheRootGaveUp() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
		this.client.post().uri("/api/counter/crash").exchange().expectStatus().isOk(); // restart 1: allowed
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.client.post().uri("/api/counter/crash").exchange(); // restart 2: one too many (R3.1)
			return this.tree.state() == OtpSupervisionTree.State.BROKEN;
		});
		this.client.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503).expectBody()
			.jsonPath("$.status").isEqualTo("DOWN")
			.jsonPath("$.components.otp.status").isEqualTo("DOWN")
			.jsonPath("$.components.otp.details.gaveUp[0]").isEqualTo("root");
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isEqualTo(503);
		// not "being restarted": nothing will restart it
		this.client.get().uri("/api/counter").exchange().expectStatus().isEqualTo(503).expectBody()
			.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail)
				.contains("'counter'", "supervision tree is down").doesNotContain("restarted"));
		// an Agent handle too (it is no @GenServer proxy)
		this.client.get().uri("/api/cache/color").exchange().expectStatus().isEqualTo(503).expectBody()
			.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail)
				.contains("supervision tree is down").doesNotContain("being restarted"));
	}

}
