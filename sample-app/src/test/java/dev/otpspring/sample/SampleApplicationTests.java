package dev.otpspring.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.supervisor.DynamicSupervisor;
import dev.otpspring.supervisor.Strategy;
import dev.otpspring.supervisor.Supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sample over real HTTP: a @GenServer, supervisors from application.yaml and an Agent bean. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class SampleApplicationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	OtpRuntime runtime;

	@Autowired
	@Qualifier("payments")
	Supervisor payments;

	@Autowired
	@Qualifier("infosys")
	DynamicSupervisor infosys;

	@Test
	void theCounterCountsAndRestartsFromZeroAfterACrash() {
		this.client.post().uri("/api/counter/inc").exchange().expectStatus().isOk();
		this.client.post().uri("/api/counter/inc").exchange().expectStatus().isOk();
		this.client.get().uri("/api/counter").exchange().expectBody().jsonPath("$.value").isEqualTo(2);
		Pid before = this.runtime.whereis("counter");

		this.client.post().uri("/api/counter/crash").exchange().expectStatus().isOk();

		await().atMost(Duration.ofSeconds(10)).until(() -> {
			Pid now = this.runtime.whereis("counter");
			return now != null && !now.equals(before);
		});
		this.client.get().uri("/api/counter").exchange().expectBody().jsonPath("$.value").isEqualTo(0);
	}

	@Test
	void theCacheAgentIsInjectedAndKeepsValues() {
		this.client.put().uri("/api/cache/color").body("blue").exchange().expectStatus().isOk();
		this.client.get().uri("/api/cache/color").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("blue");
		this.client.get().uri("/api/cache/none").exchange().expectStatus().isNotFound();
	}

	@Test
	void supervisorsFromApplicationYamlAreRunningAndInjectable() {
		assertThat(this.payments.info().strategy()).isEqualTo(Strategy.REST_FOR_ONE);
		assertThat(this.infosys.info().maxChildren()).isEqualTo(1000);
	}

}
