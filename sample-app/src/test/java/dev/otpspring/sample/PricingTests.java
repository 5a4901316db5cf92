package dev.otpspring.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code pricing} supervisor is one_for_all: its three children share one cache and restart together. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class PricingTests {

	@Autowired
	RestTestClient client;

	@Test
	void theSellingPricesAreTheListPricesWithEachPromotionAppliedOnce() {
		assertThat(prices()).containsEntry("book", 1800).containsEntry("lamp", 4500).containsEntry("mug", 450);
	}

	@Test
	void crashingOneChildRestartsAllThreeAndThePricesComeBackTheSame() {
		TreeProbe tree = new TreeProbe(this.client);
		Map<String, Object> pricesBefore = prices();
		TreeProbe.Node cache = tree.node("priceCache");
		TreeProbe.Node catalog = tree.node("catalog");
		TreeProbe.Node promotions = tree.node("promotions");

		this.client.post().uri("/api/crash/promotions").exchange().expectStatus().isOk();

		tree.awaitRestartedOnce("priceCache", cache);
		tree.awaitRestartedOnce("catalog", catalog);
		tree.awaitRestartedOnce("promotions", promotions);
		assertThat(prices()).isEqualTo(pricesBefore);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> prices() {
		Map<String, Object> body = this.client.get().uri("/api/pricing").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		return (Map<String, Object>) body.get("prices");
	}

}
