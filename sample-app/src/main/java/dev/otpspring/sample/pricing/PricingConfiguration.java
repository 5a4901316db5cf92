package dev.otpspring.sample.pricing;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.otpspring.spring.AgentDefinition;

/**
 * Declares the {@code priceCache}: the selling prices, in cents, in an Agent shared by
 * {@link Catalog} and {@link Promotions}. It is the first child of the {@code pricing}
 * supervisor ({@code one_for_all}), so it runs before the two services that fill it.
 */
@Configuration(proxyBeanMethods = false)
class PricingConfiguration {

	@Bean
	AgentDefinition<Map<String, Long>> priceCache() {
		return AgentDefinition.<Map<String, Long>>of(TreeMap::new).supervisor("pricing").order(1);
	}

}
