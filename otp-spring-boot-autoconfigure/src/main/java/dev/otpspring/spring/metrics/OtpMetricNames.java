package dev.otpspring.spring.metrics;

/** The names of the meters {@link OtpMetrics} publishes. */
public final class OtpMetricNames {

	/** Counter: restarts of a child, tagged {@code supervisor} and {@code process}. */
	public static final String PROCESS_RESTARTS = "otp.process.restarts";

	/** Gauge: messages waiting in a mailbox; for dynamic supervisors, the deepest child's. */
	public static final String MAILBOX_DEPTH = "otp.mailbox.depth";

	/** Counter: messages handled by all processes. */
	public static final String MESSAGES = "otp.messages";

	/** Timer: GenServer calls, tagged {@code process} and {@code outcome}. */
	public static final String CALL_DURATION = "otp.call.duration";

	/** Gauge: processes alive. */
	public static final String PROCESSES = "otp.processes";

	/** Counter: messages sent to processes that had exited. */
	public static final String DEAD_LETTERS = "otp.dead.letters";

	/** Counter: supervisors that gave up (exceeded their restart intensity), tagged {@code supervisor}. */
	public static final String SUPERVISOR_SHUTDOWNS = "otp.supervisor.shutdowns";

	private OtpMetricNames() {
	}

}
