package dev.otpspring.sample;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code payments} supervisor is rest_for_one: the gateway depends on the ledger started before it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class PaymentsTests {

	@Autowired
	RestTestClient client;

	TreeProbe tree;

	@BeforeEach
	void probe() {
		this.tree = new TreeProbe(this.client);
	}

	@Test
	void crashingTheLedgerRestartsTheGatewayAfterItWithAFreshSession() {
		TreeProbe.Node ledger = this.tree.node("ledger");
		TreeProbe.Node gateway = this.tree.node("gateway");
		String sessionBefore = (String) overview().get("ledgerSession");

		this.client.post().uri("/api/crash/ledger").exchange().expectStatus().isOk();

		this.tree.awaitRestartedOnce("ledger", ledger);
		this.tree.awaitRestartedOnce("gateway", gateway);
		Map<?, ?> after = overview();
		assertThat(after.get("ledgerSession")).isNotEqualTo(sessionBefore).isEqualTo(after.get("gatewaySession"));
		this.client.post().uri("/api/payments?from=alice&to=bob&amount=1").exchange().expectStatus().isOk();
	}

	@Test
	void crashingTheGatewayLeavesTheLedgerAndItsBalancesAlone() {
		this.client.post().uri("/api/payments?from=bob&to=carol&amount=5").exchange().expectStatus().isOk();
		Map<?, ?> before = overview();
		TreeProbe.Node ledger = this.tree.node("ledger");
		TreeProbe.Node gateway = this.tree.node("gateway");

		this.client.post().uri("/api/crash/gateway").exchange().expectStatus().isOk();

		this.tree.awaitRestartedOnce("gateway", gateway);
		assertThat(this.tree.node("ledger")).isEqualTo(ledger);
		assertThat(overview().get("balances")).isEqualTo(before.get("balances"));
		assertThat(overview().get("gatewaySession")).isEqualTo(before.get("ledgerSession"));
	}

	@Test
	void aPaymentTheLedgerRejectsIsA422AndCrashesNothing() {
		TreeProbe.Node ledger = this.tree.node("ledger");
		this.client.post().uri("/api/payments?from=alice&to=mallory&amount=1").exchange()
			.expectStatus().isEqualTo(422).expectBody()
			.jsonPath("$.reason").value((reason) -> assertThat((String) reason).contains("unknown account"));
		assertThat(this.tree.node("ledger")).isEqualTo(ledger);
	}

	private Map<?, ?> overview() {
		return this.client.get().uri("/api/payments").exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
			.getResponseBody();
	}

}
