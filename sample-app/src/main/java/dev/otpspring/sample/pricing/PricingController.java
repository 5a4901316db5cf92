package dev.otpspring.sample.pricing;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.otpspring.agent.Agent;

/** {@code GET /api/pricing}: selling prices from the shared cache, with the list prices and promotions behind them. */
@RestController
class PricingController {

	private final Agent<Map<String, Long>> priceCache;

	private final Catalog catalog;

	private final Promotions promotions;

	PricingController(Agent<Map<String, Long>> priceCache, Catalog catalog, Promotions promotions) {
		this.priceCache = priceCache;
		this.catalog = catalog;
		this.promotions = promotions;
	}

	@GetMapping("/api/pricing")
	Map<String, Map<String, ? extends Number>> prices() {
		return Map.of("prices", this.priceCache.get(TreeMap::new), "listPrices", new TreeMap<>(this.catalog.listPrices()),
				"percentOff", new TreeMap<>(this.promotions.percentOff()));
	}

}
