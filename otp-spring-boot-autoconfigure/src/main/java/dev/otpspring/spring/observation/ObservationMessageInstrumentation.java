package dev.otpspring.spring.observation;

import java.util.function.Function;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.otpspring.genserver.CallTimeoutException;
import dev.otpspring.genserver.MessageInstrumentation;
import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessRef;
import dev.otpspring.process.RegisteredName;

/**
 * Observes calls and casts with Micrometer, and carries the sender's thread-local context (its
 * observation, so a trace continues; the logging MDC) into the handler with the
 * context-propagation library.
 */
final class ObservationMessageInstrumentation implements MessageInstrumentation {

	private static final Sending UNOBSERVED = new Sending() {

		@Override
		public @Nullable Object context() {
			return null;
		}

		@Override
		public void completed(@Nullable Throwable failure) {
		}

	};

	private final ObservationRegistry registry;

	private final @Nullable OtpObservationConvention convention;

	private final ContextSnapshotFactory snapshots;

	private final Function<Object, String> messageType;

	ObservationMessageInstrumentation(ObservationRegistry registry, @Nullable OtpObservationConvention convention,
			ContextSnapshotFactory snapshots, Function<Object, String> messageType) {
		this.registry = registry;
		this.convention = convention;
		this.snapshots = snapshots;
		this.messageType = messageType;
	}

	@Override
	public Sending sending(ProcessRef server, Object request, Kind kind) {
		if (this.registry.isNoop()) {
			return UNOBSERVED; // nothing would look at it: no observation, no context to carry
		}
		OtpMessageContext context = new OtpMessageContext(kind, false, processName(server, null), this.messageType.apply(request));
		Observation observation = observation(context).start();
		ContextSnapshot carried;
		try (Observation.Scope scope = observation.openScope()) {
			carried = this.snapshots.captureAll();
		}
		return new Sending() {

			@Override
			public Object context() {
				return carried;
			}

			@Override
			public void completed(@Nullable Throwable failure) {
				end(observation, context, failure);
			}

		};
	}

	@Override
	public Handling handling(Pid server, @Nullable Object name, Object request, Kind kind, @Nullable Object context) {
		if (!(context instanceof ContextSnapshot carried)) {
			return (failure) -> {
			};
		}
		ContextSnapshot.Scope restored = carried.setThreadLocals();
		OtpMessageContext handling = new OtpMessageContext(kind, true, processName(null, name), this.messageType.apply(request));
		Observation observation = observation(handling).start(); // the sender's observation is its parent now
		Observation.Scope scope = observation.openScope();
		return (failure) -> {
			scope.close();
			end(observation, handling, failure);
			restored.close();
		};
	}

	private Observation observation(OtpMessageContext context) {
		return DefaultOtpObservationConvention.documentation(context)
			.observation(this.convention, DefaultOtpObservationConvention.INSTANCE, () -> context, this.registry);
	}

	private static void end(Observation observation, OtpMessageContext context, @Nullable Throwable failure) {
		context.setOutcome(outcome(failure));
		if (failure != null) {
			observation.error(failure);
		}
		observation.stop();
	}

	private static String outcome(@Nullable Throwable failure) {
		return switch (failure) {
			case null -> "success";
			case CallTimeoutException timeout -> "timeout";
			case ProcessExitException exit -> "exit";
			case NoProcessException noProcess -> "noproc";
			default -> "error";
		};
	}

	/** A registered name, never a Pid: tags must stay few. */
	private static String processName(@Nullable ProcessRef server, @Nullable Object name) {
		Object registered = (server instanceof RegisteredName named) ? named.name() : name;
		return (registered != null) ? String.valueOf(registered) : OtpMessageContext.UNNAMED;
	}

}
