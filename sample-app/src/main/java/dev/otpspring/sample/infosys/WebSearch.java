package dev.otpspring.sample.infosys;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The unreliable backend: it answers everything, except that a query containing the word
 * {@code crash} makes it throw — a deterministic stand-in for the backend that fails now and
 * then. Its worker crashes alone: the search still returns what the others found.
 */
@Component
class WebSearch implements Backend {

	@Override
	public String name() {
		return "websearch";
	}

	@Override
	public List<Answer> search(String query) {
		if (Arrays.asList(query.toLowerCase(Locale.ROOT).split("\\W+")).contains("crash")) {
			throw new IllegalStateException("websearch failed on '" + query + "'");
		}
		return List.of(new Answer(name(), "3 web pages mention '" + query + "'.", 40));
	}

}
