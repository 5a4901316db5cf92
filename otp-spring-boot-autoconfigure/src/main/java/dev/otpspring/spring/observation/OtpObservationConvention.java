package dev.otpspring.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of calls, casts and their handling. Declare a bean of this type
 * to replace {@link DefaultOtpObservationConvention}, or extend that one to add tags.
 */
public interface OtpObservationConvention extends ObservationConvention<OtpMessageContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof OtpMessageContext;
	}

}
