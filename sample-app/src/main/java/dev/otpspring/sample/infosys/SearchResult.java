package dev.otpspring.sample.infosys;

import java.util.List;

/**
 * The answer to one search: what came back in time, best first, and what became of each backend.
 *
 * @param query the query
 * @param answers the answers that arrived before the deadline, best score first
 * @param backends one report per backend, in the order they were asked
 */
public record SearchResult(String query, List<Answer> answers, List<BackendReport> backends) {

	public SearchResult {
		answers = List.copyOf(answers);
		backends = List.copyOf(backends);
	}

}
