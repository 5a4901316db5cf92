package dev.otpspring.spring.autoconfigure;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;

import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.supervisor.Shutdown;

/** Reads the duration strings of OTP annotations: {@code "5s"}, {@code "500ms"}, {@code "infinity"}, {@code "brutal-kill"}. */
final class Durations {

	private Durations() {
	}

	/**
	 * @param subject what the value belongs to, for the error message
	 */
	static Duration timeout(String value, String subject) {
		if ("infinity".equalsIgnoreCase(value.trim())) {
			return GenServerOptions.INFINITY;
		}
		try {
			Duration duration = DurationStyle.detectAndParse(value.trim());
			if (duration.isNegative()) {
				throw new IllegalArgumentException("negative");
			}
			return duration;
		}
		catch (IllegalArgumentException ex) {
			throw new OtpConfigurationException(subject, "'" + value + "' is not a valid timeout",
					"Use a duration such as \"5s\" or \"500ms\", or \"infinity\".");
		}
	}

	static Shutdown shutdown(String value, String subject) {
		String trimmed = value.trim();
		if ("brutal-kill".equalsIgnoreCase(trimmed) || "brutal_kill".equalsIgnoreCase(trimmed)) {
			return Shutdown.BRUTAL_KILL;
		}
		if ("infinity".equalsIgnoreCase(trimmed)) {
			return Shutdown.INFINITY;
		}
		try {
			return Shutdown.timeout(DurationStyle.detectAndParse(trimmed));
		}
		catch (IllegalArgumentException ex) {
			throw new OtpConfigurationException(subject, "'" + value + "' is not a valid shutdown",
					"Use a duration such as \"5s\", or \"brutal-kill\", or \"infinity\".");
		}
	}

}
