package dev.otpspring.genserver;

import org.jspecify.annotations.Nullable;

import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessRef;

/**
 * Follows each {@link GenServer#call} and {@link GenServer#cast} from the sender into the server
 * that handles it: the hook tracing uses (Micrometer Observation in the Spring integration). Install
 * one with {@link GenServer#instrument}. Plain {@code send}s of raw messages are not followed.
 * <p>
 * {@link #sending} runs on the sender's thread as the message is sent and may capture the
 * sender's context (a trace, the logging MDC) into an opaque object the message carries; the
 * server calls {@link #handling} with it on its own thread before the handler runs, and closes
 * what it returns once the handler is done. Both must be quick and must not block.
 */
public interface MessageInstrumentation {

	/**
	 * A call or cast is about to be sent.
	 * @param server the server as the sender addressed it
	 * @param request the request
	 * @param kind call or cast
	 * @return what to tell when the sending is over, and the context the message carries
	 */
	Sending sending(ProcessRef server, Object request, Kind kind);

	/**
	 * The server is about to handle a call or cast.
	 * @param server the server's Pid
	 * @param name its registered name, or {@code null}
	 * @param request the request
	 * @param kind call or cast
	 * @param context what {@link Sending#context()} captured, or {@code null}
	 * @return what to tell when the handler returned
	 */
	Handling handling(Pid server, @Nullable Object name, Object request, Kind kind, @Nullable Object context);

	/** Which kind of message. */
	enum Kind {

		/** {@link GenServer#call} or {@link GenServer#callAsync}. */
		CALL,

		/** {@link GenServer#cast}. */
		CAST

	}

	/** The sender's side of one message. */
	interface Sending {

		/** What the message carries to {@link #handling}; {@code null} for nothing. */
		@Nullable Object context();

		/**
		 * The call is over (for a cast: it was sent). May run on another thread than
		 * {@link #sending} (an asynchronous call completes where its reply arrives).
		 * @param failure what the caller got instead of a reply, or {@code null}
		 */
		void completed(@Nullable Throwable failure);

	}

	/** The server's side of one message. */
	interface Handling {

		/**
		 * The handler returned, on the server's thread.
		 * @param failure what the handler threw (the server crashed), or {@code null}
		 */
		void completed(@Nullable Throwable failure);

	}

}
