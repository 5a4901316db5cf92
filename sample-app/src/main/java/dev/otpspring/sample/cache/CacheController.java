package dev.otpspring.sample.cache;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.otpspring.agent.Agent;
import dev.otpspring.agent.GetAndUpdate;

/**
 * HTTP access to the cache {@link Agent}. Every lambda below runs <em>inside</em> the agent's
 * process, one at a time, so the plain {@code HashMap} needs no lock — and nothing outside the
 * agent ever holds a reference to it: {@code get} returns copies or single values.
 */
@RestController
@RequestMapping("/api/cache")
class CacheController {

	private final Agent<Map<String, String>> cache;

	CacheController(Agent<Map<String, String>> cache) {
		this.cache = cache;
	}

	@GetMapping
	Map<String, String> all() {
		return this.cache.get(TreeMap::new); // a sorted copy, made inside the agent
	}

	@GetMapping("/{key}")
	String get(@PathVariable String key) {
		String value = this.cache.get((map) -> map.get(key));
		if (value == null) {
			throw new ErrorResponseException(HttpStatus.NOT_FOUND,
					ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "The cache holds no key '" + key + "'"), null);
		}
		return value;
	}

	/**
	 * Stores a value and answers the one it replaced (empty if none) in one step: no other update
	 * can slip in between the read and the write.
	 */
	@PutMapping("/{key}")
	String put(@PathVariable String key, @RequestBody String value) {
		return this.cache.getAndUpdate((map) -> {
			String replaced = map.put(key, value);
			return new GetAndUpdate<>(replaced, map);
		});
	}

	@DeleteMapping("/{key}")
	ResponseEntity<Void> delete(@PathVariable String key) {
		this.cache.update((map) -> {
			map.remove(key);
			return map;
		});
		return ResponseEntity.noContent().build();
	}

}
