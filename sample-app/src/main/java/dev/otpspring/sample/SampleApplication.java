package dev.otpspring.sample;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.otpspring.spring.AgentDefinition;

/** The sample app: self-healing services on OTP for Spring Boot. */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	/** A cache that lives in an Agent under the root supervisor; injected as {@code Agent<Map<String, String>>}. */
	@Bean
	AgentDefinition<Map<String, String>> cache() {
		return AgentDefinition.of(HashMap::new);
	}

}
