package dev.otpspring.sample.pricing;

import java.util.Map;

import dev.otpspring.agent.Agent;
import dev.otpspring.spring.annotation.GenServer;
import dev.otpspring.spring.annotation.OnInit;

/**
 * The list prices, in cents. At every start it writes them into the shared {@code priceCache},
 * overwriting whatever was there — including the discounts {@link Promotions} applied. That is why
 * the {@code pricing} supervisor is {@code one_for_all}: a restarted catalog must be followed by a
 * restarted {@link Promotions}, and a restarted cache by both.
 */
@GenServer(supervisor = "pricing", order = 2)
public class Catalog {

	static final Map<String, Long> LIST_PRICES = Map.of("book", 2000L, "lamp", 4500L, "mug", 900L);

	private final Agent<Map<String, Long>> priceCache;

	public Catalog(Agent<Map<String, Long>> priceCache) {
		this.priceCache = priceCache;
	}

	@OnInit
	void publish() {
		this.priceCache.update((prices) -> {
			prices.putAll(LIST_PRICES);
			return prices;
		});
	}

	public Map<String, Long> listPrices() {
		return LIST_PRICES;
	}

}
