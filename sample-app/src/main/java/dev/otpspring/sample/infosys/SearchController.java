package dev.otpspring.sample.infosys;

import java.time.Duration;

import org.springframework.format.annotation.DurationFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.otpspring.sample.web.BadInput;

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

	/** The longest query accepted. */
	static final int MAX_QUERY_LENGTH = 200;

	/** The longest a search waits for its backends, whatever {@code timeout} asks for. */
	static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);

	@GetMapping("/api/search")
	SearchResult search(@RequestParam String q,
			@RequestParam(defaultValue = "1s") @DurationFormat(style = DurationFormat.Style.SIMPLE) Duration timeout) {
		if (q.isBlank() || q.length() > MAX_QUERY_LENGTH) {
			throw BadInput.of("q", "must be 1 to " + MAX_QUERY_LENGTH + " characters, but was " + q.length());
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw BadInput.of("timeout", "must be positive, like 1s or 500ms, but was " + timeout);
		}
		// Capped: a client cannot hold a request thread and four workers for as long as it likes.
		SearchResult result = this.infoSys.search(q, (timeout.compareTo(MAX_TIMEOUT) > 0) ? MAX_TIMEOUT : timeout);
		this.stats.record(result.backends()); // a cast: the answer does not wait for the statistics
		return result;
	}

}
