package dev.otpspring.test.slice;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.otpspring.spring.annotation.Supervised;

/** Declares the ticker: a configuration the slice must include for its {@code @Supervised} bean. */
@Configuration(proxyBeanMethods = false)
class TickerConfiguration {

	@Bean
	@Supervised
	Ticker ticker() {
		return new Ticker();
	}

}
