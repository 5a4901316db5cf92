package dev.otpspring.sample;

import java.util.HashMap;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.otpspring.agent.Agent;

/** HTTP access to the cache {@link Agent}: its functions run inside the agent's process. */
@RestController
@RequestMapping("/api/cache")
class CacheController {

	private final Agent<Map<String, String>> cache;

	CacheController(Agent<Map<String, String>> cache) {
		this.cache = cache;
	}

	@GetMapping
	Map<String, String> all() {
		return this.cache.get(HashMap::new);
	}

	@GetMapping("/{key}")
	ResponseEntity<String> get(@PathVariable String key) {
		String value = this.cache.get((map) -> map.get(key));
		return (value != null) ? ResponseEntity.ok(value) : ResponseEntity.notFound().build();
	}

	@PutMapping("/{key}")
	String put(@PathVariable String key, @RequestBody String value) {
		return this.cache.getAndUpdate((map) -> {
			String previous = map.put(key, value);
			return new dev.otpspring.agent.GetAndUpdate<>(previous, map);
		});
	}

}
