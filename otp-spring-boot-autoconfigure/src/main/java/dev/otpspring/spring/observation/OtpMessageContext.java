package dev.otpspring.spring.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import dev.otpspring.genserver.MessageInstrumentation;

/**
 * What an {@code otp.call}, {@code otp.cast} or {@code otp.handle} observation knows about its
 * message: the kind, which side it is seen from, the process and the message type, and once
 * over, how it ended. Pids are left out on purpose: they change with every restart.
 */
public class OtpMessageContext extends Observation.Context {

	/** The tag value for a process without a registered name. */
	public static final String UNNAMED = "unnamed";

	private final MessageInstrumentation.Kind kind;

	private final boolean handler;

	private final String process;

	private final String messageType;

	private @Nullable String outcome;

	/**
	 * @param kind call or cast
	 * @param handler whether this is the server's side ({@code otp.handle}) rather than the sender's
	 * @param process the registered name, or {@link #UNNAMED}
	 * @param messageType what the request is, for a tag: its simple class name, or for a call through a
	 * {@code @GenServer} proxy the class and method, like {@code Counter.increment}
	 */
	public OtpMessageContext(MessageInstrumentation.Kind kind, boolean handler, String process, String messageType) {
		this.kind = kind;
		this.handler = handler;
		this.process = process;
		this.messageType = messageType;
		setName(DefaultOtpObservationConvention.documentation(this).getName());
	}

	public MessageInstrumentation.Kind getKind() {
		return this.kind;
	}

	/** Whether this is the server's side ({@code otp.handle}) rather than the sender's. */
	public boolean isHandler() {
		return this.handler;
	}

	public String getProcess() {
		return this.process;
	}

	public String getMessageType() {
		return this.messageType;
	}

	/** How it ended: {@code success}, {@code timeout}, {@code exit}, {@code noproc} or {@code error}; {@code null} while running. */
	public @Nullable String getOutcome() {
		return this.outcome;
	}

	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
