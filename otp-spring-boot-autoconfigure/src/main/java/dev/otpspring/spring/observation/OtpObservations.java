package dev.otpspring.spring.observation;

import java.util.function.Function;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.process.OtpRuntime;

/**
 * Observes every call and cast of a runtime — {@code otp.call} and {@code otp.cast} where they
 * are sent, {@code otp.handle} where they are handled, as a child of the sender's observation —
 * and carries the sender's thread-local context into the handler: the current observation (so a
 * tracer continues the trace, and the trace id shows in the handler's logs) and the SLF4J MDC.
 * Raw {@code send}s are not observed. Close it to stop.
 */
public final class OtpObservations implements AutoCloseable {

	private final AutoCloseable installed;

	/**
	 * @param runtime the runtime whose calls and casts to observe
	 * @param registry where the observations go
	 * @param convention replaces {@link DefaultOtpObservationConvention}, or {@code null}
	 * @param messageType names a request for the {@code otp.message.type} tag
	 */
	public OtpObservations(OtpRuntime runtime, ObservationRegistry registry, @Nullable OtpObservationConvention convention,
			Function<Object, String> messageType) {
		// A registry of our own: the MDC accessor is added here, not to the application's global one.
		ContextRegistry accessors = new ContextRegistry().loadThreadLocalAccessors()
			.registerThreadLocalAccessor(new Slf4jThreadLocalAccessor());
		ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().contextRegistry(accessors).build();
		this.installed = GenServer.instrument(runtime, new ObservationMessageInstrumentation(registry, convention, snapshots,
				messageType));
	}

	@Override
	public void close() throws Exception {
		this.installed.close();
	}

}
