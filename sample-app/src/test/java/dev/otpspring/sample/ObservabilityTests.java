package dev.otpspring.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;

import static org.awaitility.Awaitility.await;

/** Watch the tree heal over real HTTP: /actuator/otp, /actuator/metrics and /actuator/health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ObservabilityTests {

	@Autowired
	RestTestClient client;

	@Autowired
	OtpRuntime runtime;

	@Test
	void aCrashShowsInTheTreeTheEventsTheRestartCounterAndHealthStaysUp() {
		// The context is shared with other test classes: compare with what they left behind.
		int restartsBefore = restartCount();
		double counterBefore = restartMeter();
		Pid before = this.runtime.whereis("counter");
		this.client.post().uri("/api/counter/crash").exchange().expectStatus().isOk();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			Pid now = this.runtime.whereis("counter");
			return now != null && !now.equals(before);
		});

		this.client.get().uri("/actuator/otp/counter").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.kind").isEqualTo("worker")
			.jsonPath("$.status").isEqualTo("running")
			.jsonPath("$.supervisor").isEqualTo("root")
			.jsonPath("$.restartCount").isEqualTo(restartsBefore + 1)
			.jsonPath("$.lastExitReason").value((reason) -> org.assertj.core.api.Assertions.assertThat((String) reason)
				.contains("IllegalStateException").contains("crash requested"))
			.jsonPath("$.lastExitAt").exists()
			.jsonPath("$.mailboxDepth").isEqualTo(0)
			.jsonPath("$.state").doesNotExist();

		this.client.get().uri("/actuator/otp").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.state").isEqualTo("RUNNING")
			.jsonPath("$.root.name").isEqualTo("root")
			.jsonPath("$.root.strategy").isEqualTo("one_for_one")
			.jsonPath("$.root.restartsInWindow").value((count) -> org.assertj.core.api.Assertions.assertThat((Integer) count)
				.isPositive())
			.jsonPath("$.root.children[?(@.name == 'payments')].strategy").isEqualTo("rest_for_one")
			.jsonPath("$.root.children[?(@.name == 'infosys')].strategy").isEqualTo("dynamic")
			.jsonPath("$.recentEvents[0].type").isEqualTo("child_restarted") // newest first
			.jsonPath("$.recentEvents[0].child").isEqualTo("counter")
			.jsonPath("$.recentEvents[1].type").isEqualTo("child_exited")
			.jsonPath("$.recentEvents[1].action").isEqualTo("restart");

		org.assertj.core.api.Assertions.assertThat(restartMeter()).isEqualTo(counterBefore + 1);

		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.otp.status").isEqualTo("UP")
			.jsonPath("$.components.otp.details.supervisors.root").isEqualTo("running (critical)");
	}

	private int restartCount() {
		return this.client.get().uri("/actuator/otp/counter").exchange().expectBody(java.util.Map.class)
			.returnResult().getResponseBody().get("restartCount") instanceof Integer count ? count : -1;
	}

	private double restartMeter() {
		java.util.Map<?, ?> body = this.client.get().uri("/actuator/metrics/otp.process.restarts?tag=process:counter")
			.exchange().expectStatus().isOk().expectBody(java.util.Map.class).returnResult().getResponseBody();
		return ((Number) ((java.util.Map<?, ?>) ((java.util.List<?>) body.get("measurements")).getFirst()).get("value"))
			.doubleValue();
	}

	@Test
	void unknownNamesAre404AndWritingIsOffByDefault() {
		this.client.get().uri("/actuator/otp/no-such-process").exchange().expectStatus().isNotFound();
		this.client.post().uri("/actuator/otp/counter").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body("{\"action\": \"terminate\"}").exchange().expectStatus().is4xxClientError();
		this.client.get().uri("/actuator/otp/counter").exchange().expectBody().jsonPath("$.status").isEqualTo("running");
	}

	@Test
	void theOtherMetersArePublished() {
		for (String meter : new String[] { "otp.processes", "otp.messages", "otp.dead.letters", "otp.mailbox.depth",
				"otp.supervisor.shutdowns" }) {
			this.client.get().uri("/actuator/metrics/" + meter).exchange().expectStatus().isOk();
		}
		this.client.get().uri("/api/counter").exchange().expectStatus().isOk(); // one call through the proxy
		this.client.get().uri("/actuator/metrics/otp.call.duration?tag=process:counter").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.measurements[?(@.statistic == 'COUNT')].value").exists();
	}

}
