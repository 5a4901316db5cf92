package dev.otpspring.sample.infosys;

import org.jspecify.annotations.Nullable;

/**
 * What became of one backend during one search.
 *
 * @param backend the backend
 * @param outcome whether it answered in time, timed out or crashed
 * @param answers how many answers it gave (0 unless it answered)
 * @param detail why it did not answer, or {@code null}
 */
public record BackendReport(String backend, Outcome outcome, int answers, @Nullable String detail) {

	/** How a backend's worker ended. */
	public enum Outcome {

		/** It answered before the deadline. */
		ANSWERED,

		/** The deadline passed first; the worker was stopped and a late answer is dropped. */
		TIMED_OUT,

		/** Its worker crashed (or could not start); the other backends were not disturbed. */
		CRASHED

	}

	static BackendReport answered(String backend, int answers) {
		return new BackendReport(backend, Outcome.ANSWERED, answers, null);
	}

	static BackendReport timedOut(String backend, String detail) {
		return new BackendReport(backend, Outcome.TIMED_OUT, 0, detail);
	}

	static BackendReport crashed(String backend, String detail) {
		return new BackendReport(backend, Outcome.CRASHED, 0, detail);
	}

}
