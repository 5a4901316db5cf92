package dev.otpspring.spring;

import java.time.Instant;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;

/**
 * Thrown when a process of the supervision tree is called after the root supervisor gave up: the
 * tree is down, and unlike a restart, waiting does not help. With
 * {@code otp.root.on-give-up=stop-application} (the default) the application is stopping; with
 * {@code keep-running} it stays up, health DOWN, until something restarts it.
 */
public class SupervisionTreeDownException extends IllegalStateException {

	private final String process;

	private final ExitReason rootExit;

	private final Instant downSince;

	public SupervisionTreeDownException(String process, Pid root, ExitReason rootExit, Instant downSince,
			OtpSupervisionTree.OnGiveUp onGiveUp) {
		super("Cannot call '" + process + "': the OTP supervision tree is down. The root supervisor " + root
				+ " exited with " + rootExit + " at " + downSince + "; "
				+ ((onGiveUp == OtpSupervisionTree.OnGiveUp.STOP_APPLICATION) ? "the application is stopping"
						: "the application keeps running without it (otp.root.on-give-up=keep-running)"));
		this.process = process;
		this.rootExit = rootExit;
		this.downSince = downSince;
	}

	/** The process that was called. */
	public String process() {
		return this.process;
	}

	/** Why the root supervisor exited. */
	public ExitReason rootExit() {
		return this.rootExit;
	}

	/** When the tree went down. */
	public Instant downSince() {
		return this.downSince;
	}

}
