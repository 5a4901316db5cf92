package dev.otpspring.sample.infosys;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/stats}: the search statistics, with the server's uptime. */
@RestController
class StatsController {

	private final SearchStats stats;

	StatsController(SearchStats stats) {
		this.stats = stats;
	}

	@GetMapping("/api/stats")
	SearchStatsServer.Snapshot stats() {
		return this.stats.snapshot();
	}

}
