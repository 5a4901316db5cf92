package dev.otpspring.sample.infosys;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The fast backend: a small table of facts, answered at once. */
@Component
class Wolfram implements Backend {

	private static final Map<String, String> FACTS = Map.of(
			"erlang", "Erlang is a language for fault-tolerant systems, created at Ericsson in 1986.",
			"elixir", "Elixir is a functional language on the Erlang VM, first released in 2012.",
			"otp", "OTP is Erlang's set of libraries and design principles: processes, GenServers, supervisors.",
			"phoenix", "Phoenix is a web framework for Elixir.",
			"java", "Java is a language for the JVM, first released in 1996.",
			"spring", "Spring is an application framework for the JVM, first released in 2002.");

	@Override
	public String name() {
		return "wolfram";
	}

	@Override
	public List<Answer> search(String query) {
		return Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\W+"))
			.distinct()
			.filter(FACTS::containsKey)
			.map((word) -> new Answer(name(), FACTS.get(word), 90))
			.toList();
	}

}
