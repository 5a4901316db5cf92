package dev.otpspring.sample.infosys;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The slow backend: thorough, but it takes {@code sample.infosys.encyclopedia-latency} (1.5 s by
 * default) — longer than a search's default timeout of 1 s, so by default it misses the deadline.
 * Ask with {@code timeout=3s} to hear from it.
 */
@Component
class Encyclopedia implements Backend {

	private final Duration latency;

	Encyclopedia(@Value("${sample.infosys.encyclopedia-latency:1500ms}") Duration latency) {
		this.latency = latency;
	}

	@Override
	public String name() {
		return "encyclopedia";
	}

	@Override
	public List<Answer> search(String query) {
		try {
			// Stands for a slow remote call. It blocks only this worker's virtual thread.
			Thread.sleep(this.latency);
		}
		catch (InterruptedException ex) {
			// The requester gave up and killed this worker; the JVM cannot stop a thread, it can only
			// interrupt it. Nobody waits for an answer any more: end quietly.
			Thread.currentThread().interrupt();
			return List.of();
		}
		return List.of(new Answer(name(), "A long article about '" + query + "', with references.", 70));
	}

}
