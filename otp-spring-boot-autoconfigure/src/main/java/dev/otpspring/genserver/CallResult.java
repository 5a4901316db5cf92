package dev.otpspring.genserver;

/**
 * What {@link GenServerBehaviour#handleCall} returns: {@link Reply}, {@link NoReply} (answer later
 * through {@link From#reply}), {@link Stop} or {@link StopAndReply} (R11.5).
 *
 * @param <S> the type of the server's state
 */
public sealed interface CallResult<S> permits Reply, NoReply, Stop, StopAndReply {

	/** The state the server keeps (or hands to {@code terminate} when stopping). */
	S state();

}
