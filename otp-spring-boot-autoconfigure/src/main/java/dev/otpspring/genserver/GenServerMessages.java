package dev.otpspring.genserver;

import org.jspecify.annotations.Nullable;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.ExpectsReply;
import dev.otpspring.process.Pid;

/** The envelopes a GenServer's mailbox carries besides plain info messages. */
final class GenServerMessages {

	private GenServerMessages() {
	}

	/**
	 * A {@link GenServer#call}; released at once if the server exits first (R11.2).
	 * @param context what a {@link MessageInstrumentation} captured on the sender's side, or {@code null}
	 */
	record Call(From from, Object request, @Nullable Object context) implements ExpectsReply {

		@Override
		public void receiverExited(Pid receiver, ExitReason reason) {
			this.from.serverExited(reason);
		}

	}

	/**
	 * A {@link GenServer#cast}.
	 * @param context what a {@link MessageInstrumentation} captured on the sender's side, or {@code null}
	 */
	record Cast(Object request, @Nullable Object context) {
	}

	/** {@link GenServer#stop}: terminate with {@code reason}; the waiter learns the final reason. */
	record StopRequest(ExitReason reason, From from) implements ExpectsReply {

		@Override
		public void receiverExited(Pid receiver, ExitReason exitReason) {
			this.from.serverExited(exitReason);
		}

	}

	/** {@link GenServer#getState}: answered by the loop itself, not by the behaviour. */
	enum GetState {

		INSTANCE

	}

	/** An inactivity timeout firing; stale unless its generation is still the armed one. */
	record IdleTick(long generation) {
	}

}
