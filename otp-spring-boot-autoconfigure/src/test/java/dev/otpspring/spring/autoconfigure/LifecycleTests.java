package dev.otpspring.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PostConstruct;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;

import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.spring.OtpSupervisionTree;
import dev.otpspring.spring.SupervisionTreeDownException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** When the tree runs, what it refuses before, and what happens when the root gives up. */
class LifecycleTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class));

	@Test
	void theTreeStartsBeforeAndStopsAfterAComponentInTheWebServersPhase() {
		List<String> seen = new CopyOnWriteArrayList<>();
		this.runner.withUserConfiguration(CounterServer.class)
			.withBean(WebServerLike.class, () -> new WebServerLike(seen))
			.run((context) -> assertThat(seen).containsExactly("web server starts; counter answers 0"));
		assertThat(seen).containsExactly("web server starts; counter answers 0", "web server stops; counter answers 0");
	}

	@Test
	void callingAServerBeforeTheTreeStartsFailsClearly() {
		this.runner.withUserConfiguration(CounterServer.class, EagerCaller.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Cannot call 'counter': the OTP supervision tree has not started yet");
		});
	}

	@Test
	void whenTheRootGivesUpTheApplicationStopsByDefault() {
		this.runner.withUserConfiguration(CounterServer.class)
			.withPropertyValues("otp.supervisors.root.max-restarts=0")
			.run((context) -> {
				CounterServer counter = context.getBean(CounterServer.class);
				assertThatThrownBy(counter::crash).isInstanceOf(ProcessExitException.class);

				// as OTP stops the node when a permanent application's root exits
				await().atMost(Duration.ofSeconds(10)).until(() -> !context.getSourceApplicationContext().isActive());
			});
	}

	@Test
	void withKeepRunningCallsSayTheTreeIsDown() {
		this.runner.withUserConfiguration(CounterServer.class)
			.withPropertyValues("otp.supervisors.root.max-restarts=0", "otp.root.on-give-up=keep-running")
			.run((context) -> {
				CounterServer counter = context.getBean(CounterServer.class);
				OtpSupervisionTree tree = context.getBean(OtpSupervisionTree.class);
				assertThatThrownBy(counter::crash).isInstanceOf(ProcessExitException.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> tree.state() == OtpSupervisionTree.State.BROKEN);

				assertThat(context.getSourceApplicationContext().isActive()).isTrue();
				assertThatThrownBy(counter::value).isInstanceOfSatisfying(SupervisionTreeDownException.class, (ex) -> {
					assertThat(ex.process()).isEqualTo("counter");
					assertThat(ex.rootExit()).isEqualTo(ExitReason.SHUTDOWN);
					assertThat(ex).hasMessageContaining("'counter'").hasMessageContaining("supervision tree is down")
						.hasMessageContaining("otp.root.on-give-up=keep-running");
				});
			});
	}

	@Test
	void whenTheRootGivesUpLivenessBecomesBroken() {
		this.runner.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class))
			.withUserConfiguration(CounterServer.class)
			.withPropertyValues("otp.supervisors.root.max-restarts=0", "otp.root.on-give-up=keep-running")
			.run((context) -> {
				ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
				AvailabilityChangeEvent.publish(context, LivenessState.CORRECT); // as SpringApplication does once started
				assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
				CounterServer counter = context.getBean(CounterServer.class);
				assertThatThrownBy(counter::crash).isInstanceOf(ProcessExitException.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> availability.getLivenessState() == LivenessState.BROKEN);
				OtpSupervisionTree tree = context.getBean(OtpSupervisionTree.class);
				assertThat(tree.state()).isEqualTo(OtpSupervisionTree.State.BROKEN);
				assertThat(tree.gaveUp()).containsExactly("root");
			});
	}

	@Test
	void disabledMeansNoRuntimeAndNoTree() {
		this.runner.withPropertyValues("otp.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(OtpRuntime.class);
			assertThat(context).doesNotHaveBean(OtpSupervisionTree.class);
		});
	}

	@Test
	void aUserDefinedRuntimeIsUsed() {
		OtpRuntime mine = OtpRuntime.create();
		this.runner.withBean(OtpRuntime.class, () -> mine).run((context) -> {
			assertThat(context).getBean(OtpRuntime.class).isSameAs(mine);
			assertThat(mine.whereis("root")).isNotNull();
		});
	}

	@Test
	void worksWithoutActuatorOrMicrometerOnTheClassPath() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate", "io.micrometer",
				"org.springframework.boot.health"))
			.withUserConfiguration(CounterServer.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(CounterServer.class).value()).isZero();
			});
	}

	/** Calls the counter from @PostConstruct: too early. */
	static class EagerCaller {

		private final CounterServer counter;

		EagerCaller(CounterServer counter) {
			this.counter = counter;
		}

		@PostConstruct
		void callTooEarly() {
			this.counter.value();
		}

	}

	/** Stands in for the web server: a SmartLifecycle in the web server's phase. */
	static class WebServerLike implements SmartLifecycle {

		private final List<String> seen;

		private CounterServer counter;

		private volatile boolean running;

		WebServerLike(List<String> seen) {
			this.seen = seen;
		}

		@org.springframework.beans.factory.annotation.Autowired
		void setCounter(CounterServer counter) {
			this.counter = counter;
		}

		@Override
		public void start() {
			this.seen.add("web server starts; counter answers " + this.counter.value());
			this.running = true;
		}

		@Override
		public void stop() {
			this.seen.add("web server stops; counter answers " + this.counter.value());
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return SmartLifecycle.DEFAULT_PHASE - 2048; // Spring Boot's web server start/stop phase
		}

	}

}
