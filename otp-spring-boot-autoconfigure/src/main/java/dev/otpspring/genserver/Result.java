package dev.otpspring.genserver;

/**
 * What {@code handleCast}, {@code handleInfo} and {@code handleContinue} return: carry on with
 * {@link NoReply}, or {@link Stop}.
 *
 * @param <S> the type of the server's state
 */
public sealed interface Result<S> permits NoReply, Stop {

	/** The state the server keeps (or hands to {@code terminate} when stopping). */
	S state();

}
