package dev.otpspring.sample.infosys;

import java.time.Duration;

import org.springframework.format.annotation.DurationFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/**
 * {@code GET /api/search?q=erlang&timeout=3s}: one search over every backend. The query word
 * {@code crash} crashes the websearch backend; a short timeout leaves the encyclopedia out.
 */
@RestController
class SearchController {

	private final InfoSys infoSys;

	private final SearchStats stats;

	SearchController(InfoSys infoSys, SearchStats stats) {
		this.infoSys = infoSys;
		this.stats = stats;
	}

	@GetMapping("/api/search")
	SearchResult search(@RequestParam String q,
			@RequestParam(defaultValue = "1s") @DurationFormat(style = DurationFormat.Style.SIMPLE) Duration timeout) {
		SearchResult result = this.infoSys.search(q, timeout);
		this.stats.record(result.backends()); // a cast: the answer does not wait for the statistics
		return result;
	}

}
