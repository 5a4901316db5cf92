package dev.otpspring.spring.observation;

import io.micrometer.common.KeyValues;

import dev.otpspring.genserver.MessageInstrumentation;
import dev.otpspring.spring.observation.OtpObservationDocumentation.LowCardinalityKeys;

/**
 * The default tags of {@code otp.call}, {@code otp.cast} and {@code otp.handle} (named by
 * {@link OtpObservationDocumentation}): the process name, the request type and the outcome — all of
 * low cardinality — and a contextual name such as {@code call counter} for the span.
 */
public class DefaultOtpObservationConvention implements OtpObservationConvention {

	/** The shared instance. */
	public static final DefaultOtpObservationConvention INSTANCE = new DefaultOtpObservationConvention();

	@Override
	public String getContextualName(OtpMessageContext context) {
		String verb = context.isHandler() ? "handle" : (context.getKind() == MessageInstrumentation.Kind.CALL) ? "call" : "cast";
		return verb + " " + context.getProcess();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(OtpMessageContext context) {
		String outcome = context.getOutcome();
		return KeyValues.of(LowCardinalityKeys.PROCESS.withValue(context.getProcess()),
				LowCardinalityKeys.MESSAGE_TYPE.withValue(context.getMessageType()),
				LowCardinalityKeys.OUTCOME.withValue((outcome != null) ? outcome : "unknown"));
	}

	static OtpObservationDocumentation documentation(OtpMessageContext context) {
		if (context.isHandler()) {
			return OtpObservationDocumentation.HANDLE;
		}
		return (context.getKind() == MessageInstrumentation.Kind.CALL) ? OtpObservationDocumentation.CALL
				: OtpObservationDocumentation.CAST;
	}

}
