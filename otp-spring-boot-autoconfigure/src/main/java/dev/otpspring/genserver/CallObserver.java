package dev.otpspring.genserver;

import org.jspecify.annotations.Nullable;

import dev.otpspring.process.ProcessRef;

/**
 * Told about every {@link GenServer#call} made in a runtime once it completes: the hook metrics
 * use to time calls. Register one with {@link GenServer#observeCalls}.
 * <p>
 * Called on the caller's thread right after the call, so it must be quick and must not block. If
 * it throws, the failure is logged and the caller keeps its reply.
 */
@FunctionalInterface
public interface CallObserver {

	/**
	 * @param server the server as the caller addressed it (a name or a Pid)
	 * @param request the request
	 * @param durationNanos how long the call took
	 * @param failure the exception the caller got, or {@code null} if it got a reply
	 */
	void callCompleted(ProcessRef server, Object request, long durationNanos, @Nullable RuntimeException failure);

}
