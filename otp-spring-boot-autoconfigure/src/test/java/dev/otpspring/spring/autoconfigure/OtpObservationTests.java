package dev.otpspring.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.otpspring.genserver.CallTimeoutException;
import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.spring.observation.DefaultOtpObservationConvention;
import dev.otpspring.spring.observation.OtpMessageContext;
import dev.otpspring.spring.observation.OtpObservationConvention;
import dev.otpspring.spring.observation.OtpObservations;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Observations of calls and casts, and the sender's context in the handler. */
class OtpObservationTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	/** Observations stopped so far, as the registry's handlers saw them. */
	private final Queue<Observation.Context> stopped = new ConcurrentLinkedQueue<>();

	{
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				OtpObservationTests.this.stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class, OtpObservationAutoConfiguration.class))
		.withUserConfiguration(CounterServer.class, MdcServer.class)
		.withBean(ObservationRegistry.class, () -> this.registry);

	@Test
	void aCallIsObservedByTheCallerAndItsHandlingAsAChildOfIt() {
		this.runner.run((context) -> {
			context.getBean(CounterServer.class).value();

			assertThat(this.registry).hasObservationWithNameEqualTo("otp.call")
				.that()
				.hasBeenStopped()
				.hasContextualNameEqualTo("call counter")
				.hasLowCardinalityKeyValue("otp.process", "counter")
				.hasLowCardinalityKeyValue("otp.message.type", "CounterServer.value")
				.hasLowCardinalityKeyValue("otp.outcome", "success");
			OtpMessageContext call = context("otp.call");
			awaitStopped("otp.handle");
			assertThat(this.registry).hasObservationWithNameEqualTo("otp.handle")
				.that()
				.hasParentObservationContextMatching((parent) -> parent == call)
				.hasLowCardinalityKeyValue("otp.process", "counter")
				.hasLowCardinalityKeyValue("otp.outcome", "success");
		});
	}

	@Test
	void aCastIsObservedWhereItIsSentAndWhereItIsHandled() {
		this.runner.run((context) -> {
			context.getBean(CounterServer.class).increment(); // void: a cast

			assertThat(this.registry).hasObservationWithNameEqualTo("otp.cast")
				.that()
				.hasLowCardinalityKeyValue("otp.message.type", "CounterServer.increment");
			awaitStopped("otp.handle");
			assertThat(this.registry).hasObservationWithNameEqualTo("otp.handle")
				.that()
				.hasParentObservationContextMatching((parent) -> parent == context("otp.cast"));
		});
	}

	@Test
	void aCrashEndsBothSidesWithTheError() {
		this.runner.run((context) -> {
			assertThatThrownBy(context.getBean(CounterServer.class)::crash).isInstanceOf(ProcessExitException.class);

			assertThat(this.registry).hasObservationWithNameEqualTo("otp.call")
				.that()
				.hasLowCardinalityKeyValue("otp.outcome", "exit")
				.assertThatError()
				.isInstanceOf(ProcessExitException.class);
			awaitStopped("otp.handle");
			assertThat(this.registry).hasObservationWithNameEqualTo("otp.handle")
				.that()
				.hasLowCardinalityKeyValue("otp.outcome", "error")
				.assertThatError()
				.hasMessage("boom");
		});
	}

	@Test
	void aTimeoutEndsTheCallWithOutcomeTimeout() {
		this.runner.run((context) -> {
			OtpRuntime runtime = context.getBean(OtpRuntime.class);
			Invocation value = new Invocation(CounterServer.class.getMethod("value"), new Object[0]);

			assertThatThrownBy(() -> GenServer.call(runtime.named("counter"), value, Duration.ZERO))
				.isInstanceOf(CallTimeoutException.class);

			assertThat(this.registry).hasObservationWithNameEqualTo("otp.call")
				.that()
				.hasLowCardinalityKeyValue("otp.outcome", "timeout");
		});
	}

	@Test
	void theCallersMdcIsInTheHandlersLogs() {
		this.runner.run((context) -> {
			MDC.put("request.id", "r-42");
			try {
				assertThat(context.getBean(MdcServer.class).requestId()).isEqualTo("r-42");
			}
			finally {
				MDC.remove("request.id");
			}
			assertThat(context.getBean(MdcServer.class).requestId()).isEqualTo("null");
		});
	}

	@Test
	void withATracerTheHandlersSpanContinuesTheCallersTrace() {
		SimpleTracer tracer = new SimpleTracer();
		ObservationRegistry tracing = ObservationRegistry.create();
		tracing.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class, OtpObservationAutoConfiguration.class))
			.withUserConfiguration(CounterServer.class)
			.withBean(ObservationRegistry.class, () -> tracing)
			.run((context) -> {
				context.getBean(CounterServer.class).value();

				await().atMost(Duration.ofSeconds(10)).until(() -> tracer.getSpans().size() == 2);
				List<SimpleSpan> spans = List.copyOf(tracer.getSpans());
				SimpleSpan call = spans.stream().filter((span) -> span.getName().equals("call counter")).findFirst().orElseThrow();
				SimpleSpan handle = spans.stream().filter((span) -> span.getName().equals("handle counter")).findFirst().orElseThrow();
				assertThat(handle.getTraceId()).isEqualTo(call.getTraceId());
				assertThat(handle.getParentId()).isEqualTo(call.getSpanId());
			});
	}

	@Test
	void aConventionBeanNamesTheTags() {
		this.runner.withBean(OtpObservationConvention.class, TeamConvention::new).run((context) -> {
			context.getBean(CounterServer.class).value();

			assertThat(this.registry).hasObservationWithNameEqualTo("otp.call")
				.that()
				.hasLowCardinalityKeyValue("team", "payments")
				.hasLowCardinalityKeyValue("otp.process", "counter");
		});
	}

	@Test
	void observationsCanBeSwitchedOff() {
		this.runner.withPropertyValues("otp.observations.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(OtpObservations.class);
			context.getBean(CounterServer.class).value();

			assertThat(this.registry).doesNotHaveAnyObservation();
		});
	}

	@Test
	void withoutContextPropagationTheStarterStillWorks() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.context")).run((context) -> {
			assertThat(context).doesNotHaveBean(OtpObservations.class);
			assertThat(context.getBean(CounterServer.class).value()).isZero();
		});
	}

	private OtpMessageContext context(String name) {
		return this.stopped.stream()
			.filter((candidate) -> candidate.getName().equals(name))
			.map(OtpMessageContext.class::cast)
			.findFirst()
			.orElseThrow();
	}

	/** The handler's side ends on the server's thread, a moment after the caller has its reply. */
	private void awaitStopped(String name) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.stopped.stream().anyMatch((context) -> name.equals(context.getName())));
	}

	/** Adds a tag to the default ones. */
	static class TeamConvention extends DefaultOtpObservationConvention {

		@Override
		public KeyValues getLowCardinalityKeyValues(OtpMessageContext context) {
			return super.getLowCardinalityKeyValues(context).and("team", "payments");
		}

	}

}
