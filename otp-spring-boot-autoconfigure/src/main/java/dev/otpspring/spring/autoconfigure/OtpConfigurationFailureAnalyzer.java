package dev.otpspring.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an {@link OtpConfigurationException} at startup: what is wrong, where, and how to fix it. */
class OtpConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<OtpConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OtpConfigurationException cause) {
		return new FailureAnalysis("Invalid OTP configuration: " + cause.getMessage(), cause.action(), cause);
	}

}
