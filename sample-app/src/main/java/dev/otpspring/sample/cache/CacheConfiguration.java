package dev.otpspring.sample.cache;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.otpspring.agent.Agent;
import dev.otpspring.spring.AgentDefinition;

/**
 * Declares the {@code cache}: an {@link Agent} — a process that holds one value — started under
 * the root supervisor with the rest of the tree. Other beans inject it as
 * {@code Agent<Map<String, String>>}; the handle follows the agent across restarts.
 */
@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

	@Bean
	AgentDefinition<Map<String, String>> cache() {
		// Runs inside the agent on every (re)start: a crashed cache comes back empty, not half-written.
		return AgentDefinition.of(HashMap::new);
	}

}
