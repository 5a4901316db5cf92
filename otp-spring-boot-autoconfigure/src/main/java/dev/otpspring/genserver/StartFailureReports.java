package dev.otpspring.genserver;

import java.util.concurrent.Callable;

/**
 * For starters that report a failed start themselves — supervisors do — so that each failure is
 * logged once (R16.3): a GenServer started inside {@link #reportedByStarter} logs no crash report
 * of its own when its {@code init} raises or returns {@code stop}; the starter's report, under the
 * starter's logger, is the one that tells. Crashes after a successful start are reported by the
 * server as usual.
 * <pre>{@code
 * StartResult result = StartFailureReports.reportedByStarter(() -> spec.start().start());
 * if (result instanceof StartResult.Error error) {
 *     logger.error("Child {} failed to start: {}", spec.id(), error.reason());
 * }
 * }</pre>
 */
public final class StartFailureReports {

	/** Set on the starter's thread while it runs a start function; read by {@link GenServer}'s start there. */
	private static final ThreadLocal<Boolean> BY_STARTER = new ThreadLocal<>();

	private StartFailureReports() {
	}

	/** Runs {@code start} on this thread; the GenServers it starts leave start failures to the caller. */
	public static <T> T reportedByStarter(Callable<T> start) throws Exception {
		Boolean outer = BY_STARTER.get();
		BY_STARTER.set(Boolean.TRUE);
		try {
			return start.call();
		}
		finally {
			if (outer == null) {
				BY_STARTER.remove();
			}
		}
	}

	/** Whether a GenServer started on this thread now leaves its start failures to its starter. */
	static boolean byStarter() {
		return BY_STARTER.get() != null;
	}

}
