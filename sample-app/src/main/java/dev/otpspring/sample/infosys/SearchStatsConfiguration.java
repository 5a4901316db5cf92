package dev.otpspring.sample.infosys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.otpspring.spring.annotation.Supervised;

/**
 * Puts the behaviour-style {@link SearchStatsServer} into the supervision tree: {@code @Bean}
 * makes it, {@code @Supervised} starts it under {@code root} (registered as {@value #NAME}) with
 * the rest of the tree. The same bean is handed to every restart, so it keeps no state of its
 * own — the state is what {@code init} returns.
 */
@Configuration(proxyBeanMethods = false)
class SearchStatsConfiguration {

	static final String NAME = "stats";

	@Bean(NAME)
	@Supervised
	SearchStatsServer stats() {
		return new SearchStatsServer();
	}

}
