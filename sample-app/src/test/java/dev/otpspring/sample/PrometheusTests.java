package dev.otpspring.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The otp.* meters are scraped from /actuator/prometheus, in Prometheus' text format. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class PrometheusTests {

	@Autowired
	RestTestClient client;

	@Test
	void theOtpMetersAreExportedForPrometheus() {
		String scrape = this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(scrape).contains("otp_processes").contains("otp_messages_total").contains("otp_mailbox_depth");
	}

}
