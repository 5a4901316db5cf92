package dev.otpspring.sample.counter;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** HTTP access to the {@link Counter}: read it, change it, crash it. */
@RestController
@RequestMapping("/api/counter")
class CounterController {

	private final Counter counter;

	CounterController(Counter counter) {
		this.counter = counter;
	}

	@GetMapping
	Map<String, Integer> value() {
		return Map.of("value", this.counter.value());
	}

	@PostMapping("/inc")
	Map<String, Integer> inc() {
		this.counter.inc();
		return value(); // a call queued behind the cast: it sees the new value (FIFO per sender)
	}

	@PostMapping("/dec")
	Map<String, Integer> dec() {
		this.counter.dec();
		return value();
	}

	@PostMapping("/crash")
	Map<String, String> crash() {
		this.counter.crash(); // a cast: the counter crashes in its own process, this request does not
		return Map.of("crashed", "counter");
	}

}
