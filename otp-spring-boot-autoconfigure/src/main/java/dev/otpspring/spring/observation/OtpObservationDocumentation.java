package dev.otpspring.spring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observations of calls, casts and their handling, with their tags. */
public enum OtpObservationDocumentation implements ObservationDocumentation {

	/** A {@code GenServer.call} (or an asynchronous call), seen by the caller, until its reply or failure. */
	CALL {
		@Override
		public String getName() {
			return "otp.call";
		}
	},

	/** A {@code GenServer.cast}, seen by its sender: sending it. */
	CAST {
		@Override
		public String getName() {
			return "otp.cast";
		}
	},

	/** The server handling a call or cast; a child of the sender's observation. */
	HANDLE {
		@Override
		public String getName() {
			return "otp.handle";
		}
	};

	@Override
	public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
		return DefaultOtpObservationConvention.class;
	}

	@Override
	public KeyName[] getLowCardinalityKeyNames() {
		return LowCardinalityKeys.values();
	}

	/** The tags of every OTP observation. */
	public enum LowCardinalityKeys implements KeyName {

		/** The registered name of the server, or {@code unnamed}. */
		PROCESS {
			@Override
			public String asString() {
				return "otp.process";
			}
		},

		/** The simple class name of the request, or {@code Class.method} for a call through a {@code @GenServer} proxy. */
		MESSAGE_TYPE {
			@Override
			public String asString() {
				return "otp.message.type";
			}
		},

		/** {@code success}, {@code timeout}, {@code exit} (the server exited), {@code noproc} or {@code error}. */
		OUTCOME {
			@Override
			public String asString() {
				return "otp.outcome";
			}
		}

	}

}
