package dev.otpspring.spring.autoconfigure;

import dev.otpspring.process.OtpException;

/**
 * The OTP configuration is invalid: a property, a bean or an annotation. Fails startup; the
 * {@link OtpConfigurationFailureAnalyzer} turns it into a message naming what to fix.
 */
public class OtpConfigurationException extends OtpException {

	private final String subject;

	private final String action;

	/**
	 * @param subject the property, bean or class at fault, e.g. {@code otp.supervisors.x.parent}
	 * @param problem what is wrong with it
	 * @param action how to fix it
	 */
	public OtpConfigurationException(String subject, String problem, String action) {
		super(subject + ": " + problem);
		this.subject = subject;
		this.action = action;
	}

	/** The property, bean or class at fault. */
	public String subject() {
		return this.subject;
	}

	/** How to fix it. */
	public String action() {
		return this.action;
	}

}
