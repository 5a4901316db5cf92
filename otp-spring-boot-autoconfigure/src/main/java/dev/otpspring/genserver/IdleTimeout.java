package dev.otpspring.genserver;

/**
 * The message {@code handleInfo} receives when an {@link Action#timeout} expires with no other
 * message in between: Erlang's {@code timeout} (R11.9).
 */
public enum IdleTimeout {

	/** The only value. */
	INSTANCE

}
