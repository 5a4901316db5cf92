package dev.otpspring.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.otpspring.spring.OtpTreeStartException;

/** Explains an {@link OtpTreeStartException}: which child failed and why. */
class OtpTreeStartFailureAnalyzer extends AbstractFailureAnalyzer<OtpTreeStartException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OtpTreeStartException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Look at the crash report logged just before this message for the failing child's exception, "
						+ "and fix its init (constructor, @PostConstruct, @OnInit or GenServerBehaviour.init).",
				cause);
	}

}
