package dev.otpspring.spring.autoconfigure;

import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.otpspring.spring.actuate.OtpEndpoint;
import dev.otpspring.spring.actuate.OtpHealthIndicator;
import dev.otpspring.spring.actuate.OtpTreeDescriptors.ProcessDescriptor;
import dev.otpspring.spring.actuate.OtpTreeDescriptors.SupervisorDescriptor;
import dev.otpspring.spring.metrics.OtpMetricNames;
import dev.otpspring.spring.metrics.OtpMetrics;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint, health and metrics auto-configurations: conditions, defaults and back-off. */
class ObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class, OtpEndpointAutoConfiguration.class,
				OtpHealthAutoConfiguration.class, OtpMetricsAutoConfiguration.class));

	@Test
	void theEndpointExistsOnlyWhenExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(OtpEndpoint.class));
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=otp")
			.run((context) -> assertThat(context).hasSingleBean(OtpEndpoint.class));
	}

	@Test
	void theEndpointDescribesTheTree() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=otp",
				"otp.supervisors.jobs.strategy=one-for-all")
			.withUserConfiguration(CounterServer.class)
			.run((context) -> {
				SupervisorDescriptor root = context.getBean(OtpEndpoint.class).tree(SecurityContext.NONE).root();
				assertThat(root.name()).isEqualTo("root");
				assertThat(root.children()).extracting("name").containsExactly("jobs", "counter");
				assertThat(((SupervisorDescriptor) root.children().get(0)).strategy()).isEqualTo("one_for_all");
				ProcessDescriptor counter = (ProcessDescriptor) root.children().get(1);
				assertThat(counter.status()).isEqualTo("running");
				assertThat(counter.restart()).isEqualTo("permanent");
				assertThat(context.getBean(OtpEndpoint.class).node(SecurityContext.NONE, "nothing")).isNull();
			});
	}

	@Test
	void processStateIsNeverShownByDefault() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=otp")
			.withUserConfiguration(SecretServer.class)
			.run((context) -> {
				ProcessDescriptor vault = (ProcessDescriptor) context.getBean(OtpEndpoint.class)
					.node(SecurityContext.NONE, "vault");
				assertThat(vault.state()).isNull();
			});
	}

	@Test
	void processStateIsShownSanitisedWhenConfigured() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=otp", "management.endpoint.otp.show-state=always")
			.withUserConfiguration(SecretServer.class)
			.withBean(SanitizingFunction.class, () -> (SanitizableData data) -> data.getKey().contains("password")
					? data.withValue(SanitizableData.SANITIZED_VALUE) : data)
			.run((context) -> {
				ProcessDescriptor vault = (ProcessDescriptor) context.getBean(OtpEndpoint.class)
					.node(SecurityContext.NONE, "vault");
				assertThat(vault.state()).isEqualTo(Map.of("password", "******", "opened", "3"));
			});
	}

	@Test
	void healthIsUpWhileTheTreeRunsAndCanBeDisabled() {
		this.runner.run((context) -> {
			OtpHealthIndicator health = context.getBean(OtpHealthIndicator.class);
			assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
			assertThat(health.health(true).getDetails()).containsEntry("state", "RUNNING")
				.containsEntry("supervisors", Map.of("root", "running (critical)"));
		});
		this.runner.withPropertyValues("management.health.otp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(OtpHealthIndicator.class));
	}

	@Test
	void aNonCriticalSupervisorGivingUpKeepsHealthUpACriticalOneMakesItDown() {
		this.runner.withPropertyValues("otp.supervisors.jobs.max-restarts=0", "otp.supervisors.jobs.restart=transient",
				"otp.supervisors.batch.max-restarts=0", "otp.supervisors.batch.restart=transient",
				"otp.supervisors.batch.critical=true")
			.run((context) -> {
				OtpHealthIndicator health = context.getBean(OtpHealthIndicator.class);
				dev.otpspring.process.OtpRuntime runtime = context.getBean(dev.otpspring.process.OtpRuntime.class);
				giveUp(runtime, "jobs");
				org.awaitility.Awaitility.await().until(() -> runtime.whereis("jobs") == null);
				assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
				giveUp(runtime, "batch");
				org.awaitility.Awaitility.await().until(() -> health.health(true).getStatus().equals(Status.DOWN));
				assertThat(health.health(true).getDetails()).containsEntry("gaveUp", java.util.Set.of("batch"));
			});
	}

	@Test
	void metricsNeedAMeterRegistry() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(OtpMetrics.class));
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withUserConfiguration(CounterServer.class)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(OtpMetricNames.PROCESSES).gauge().value()).isGreaterThanOrEqualTo(2);
				assertThat(registry.get(OtpMetricNames.PROCESS_RESTARTS).tag("process", "counter").counter().count())
					.isZero();
				context.getBean(CounterServer.class).value();
				assertThat(registry.get(OtpMetricNames.CALL_DURATION).tags("process", "counter", "outcome", "reply")
					.timer().count()).isEqualTo(1);
			});
	}

	@Test
	void theCallTimerTakesTheRegistrysDistributionSettings() {
		this.runner.withBean(MeterRegistry.class, () -> {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			registry.config().meterFilter(new MeterFilter() {

				@Override
				public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
					return DistributionStatisticConfig.builder().percentiles(0.5, 0.99).build().merge(config);
				}

			});
			return registry;
		}).withUserConfiguration(CounterServer.class).run((context) -> {
			context.getBean(CounterServer.class).value();

			Timer timer = context.getBean(MeterRegistry.class).get(OtpMetricNames.CALL_DURATION).tag("process", "counter")
				.timer();
			assertThat(timer.takeSnapshot().percentileValues()).extracting(ValueAtPercentile::percentile)
				.containsExactly(0.5, 0.99);
		});
	}

	/** A supervisor with max-restarts 0 gives up on its first restart: give it a child to crash. */
	private static void giveUp(dev.otpspring.process.OtpRuntime runtime, String supervisor) {
		dev.otpspring.supervisor.Supervisor.of(runtime.named(supervisor))
			.startChild(dev.otpspring.supervisor.ChildSpec.worker("crasher",
					() -> dev.otpspring.genserver.GenServer.startLink(new TreeConfigurations.Echo("x"))));
		dev.otpspring.process.Pid crasher = dev.otpspring.supervisor.Supervisor.of(runtime.named(supervisor))
			.whichChildren().getFirst().pid();
		runtime.exit(crasher, dev.otpspring.process.ExitReason.KILL);
	}

}
