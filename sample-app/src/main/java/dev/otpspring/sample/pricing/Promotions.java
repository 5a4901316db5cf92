package dev.otpspring.sample.pricing;

import java.util.Map;

import dev.otpspring.agent.Agent;
import dev.otpspring.spring.annotation.GenServer;
import dev.otpspring.spring.annotation.OnInit;

/**
 * The running promotions, as percentages off. At every start it applies them to the prices in the
 * shared {@code priceCache}. Applying is not idempotent — twice would take 19% off a 10% promotion —
 * so this service must never restart alone: under the {@code one_for_all} {@code pricing}
 * supervisor, a crash here restarts the cache (empty), the {@link Catalog} (list prices) and then
 * the promotions, and the prices come back exactly as before.
 */
@GenServer(supervisor = "pricing", order = 3)
public class Promotions {

	private static final Map<String, Integer> PERCENT_OFF = Map.of("book", 10, "mug", 50);

	private final Agent<Map<String, Long>> priceCache;

	public Promotions(Agent<Map<String, Long>> priceCache) {
		this.priceCache = priceCache;
	}

	@OnInit
	void apply() {
		this.priceCache.update((prices) -> {
			PERCENT_OFF.forEach((item, percent) -> prices.computeIfPresent(item, (key, price) -> price * (100 - percent) / 100));
			return prices;
		});
	}

	public Map<String, Integer> percentOff() {
		return PERCENT_OFF;
	}

}
