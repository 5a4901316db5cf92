package dev.otpspring.sample.counter;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.otpspring.sample.web.Restarts;

/** HTTP access to the {@link Counter}: read it, change it, crash it. */
@RestController
@RequestMapping("/api/counter")
class CounterController {

	private final Counter counter;

	private final Restarts restarts;

	CounterController(Counter counter, Restarts restarts) {
		this.counter = counter;
		this.restarts = restarts;
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

	/** Answers once the counter is back, so the next request finds it (at 0). */
	@PostMapping("/crash")
	Map<String, String> crash() {
		// a cast: the counter crashes in its own process, this request does not
		Restarts.Restarted<String> restarted = this.restarts.crashAndAwaitRestart("counter", () -> {
			this.counter.crash();
			return "counter";
		});
		return Map.of("crashed", restarted.crash(), "restartedAs", String.valueOf(restarted.newPid()));
	}

}
