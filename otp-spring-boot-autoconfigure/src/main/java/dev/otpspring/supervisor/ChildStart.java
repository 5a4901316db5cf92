package dev.otpspring.supervisor;

import dev.otpspring.genserver.StartResult;

/**
 * Starts one child, inside the supervisor's process: the {@code start} of a child spec. It is
 * called again, unchanged, for every restart (R4.6), so it must build fresh state each time.
 *
 * <pre>{@code
 * ChildStart start = () -> GenServer.startLink(new Counter(), GenServerOptions.named("counter"));
 * }</pre>
 *
 * The started process should link to the supervisor (the {@code startLink} variants do); the
 * supervisor links it anyway.
 */
@FunctionalInterface
public interface ChildStart {

	/**
	 * @return the outcome; throwing counts as a failed start
	 * @throws Exception to fail the start
	 */
	StartResult start() throws Exception;

}
