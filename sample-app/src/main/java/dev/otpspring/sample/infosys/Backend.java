package dev.otpspring.sample.infosys;

import java.util.List;

/**
 * A search backend that {@link InfoSys} asks — in Programming Phoenix, Wolfram Alpha and friends.
 * Each one here is simulated in-process; a real one would call a remote service. Implementations
 * are Spring beans, so adding a backend is adding a {@code @Component}.
 */
public interface Backend {

	/** A short name, shown in results and in the supervision tree. */
	String name();

	/**
	 * Answers {@code query}; runs inside a temporary process, so it may block, be slow, or throw.
	 * @throws Exception to crash the process that runs it, and only that process
	 */
	List<Answer> search(String query) throws Exception;

}
