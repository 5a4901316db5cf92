package dev.otpspring.spring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Annotation-style GenServers: methods become calls and casts; a crash restarts a fresh instance. */
class GenServerProxyTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class));

	@BeforeEach
	void reset() {
		TickingServer.events.clear();
	}

	@Test
	void injectedBeanIsAProxyThatSendsMessagesToTheProcess() {
		this.runner.withUserConfiguration(CounterServer.class).run((context) -> {
			CounterServer counter = context.getBean(CounterServer.class);
			assertThat(counter.getClass()).isNotEqualTo(CounterServer.class);
			assertThat(counter).hasToString("GenServer proxy for 'counter' (" + CounterServer.class.getName() + ")");
			counter.increment(); // void: a cast
			counter.increment();
			assertThat(counter.value()).isEqualTo(2); // a call, after the casts (R11.8)
			assertThat(counter.valueLater().join()).isEqualTo(2); // an asynchronous call
		});
	}

	@Test
	void theProcessIsRegisteredUnderTheBeanNameAndHasFreshStateInANewInstance() {
		this.runner.withUserConfiguration(CounterServer.class).run((context) -> {
			OtpRuntime runtime = context.getBean(OtpRuntime.class);
			assertThat(runtime.whereis("counter")).isNotNull();
			assertThat(context.getBean("counter")).isSameAs(context.getBean(CounterServer.class));
		});
	}

	@Test
	void anExceptionCrashesTheProcessAndTheSupervisorRestartsAFreshInstance() {
		this.runner.withUserConfiguration(CounterServer.class).run((context) -> {
			CounterServer counter = context.getBean(CounterServer.class);
			OtpRuntime runtime = context.getBean(OtpRuntime.class);
			counter.increment();
			assertThat(counter.value()).isEqualTo(1);
			Pid before = runtime.whereis("counter");
			int built = CounterServer.instances.get();

			assertThatThrownBy(counter::crash).isInstanceOf(ProcessExitException.class)
				.hasCauseInstanceOf(IllegalStateException.class)
				.hasRootCauseMessage("boom");

			await().atMost(Duration.ofSeconds(10))
				.until(() -> runtime.whereis("counter") != null && !runtime.whereis("counter").equals(before));
			assertThat(CounterServer.instances.get()).isGreaterThan(built); // @PostConstruct ran again
			assertThat(counter.value()).isZero(); // the initial state, as OTP restarts (R4.6)
		});
	}

	@Test
	void initRunsInsideTheProcessAndInfoMessagesReachHandleInfoByType() throws Exception {
		this.runner.withUserConfiguration(TickingServer.class).run((context) -> {
			TickingServer ticker = context.getBean(TickingServer.class);
			assertThat(TickingServer.events.poll(10, TimeUnit.SECONDS)).isEqualTo("init in process");
			assertThat(TickingServer.events.poll(10, TimeUnit.SECONDS)).isEqualTo(new TickingServer.Tick(1));
			assertThat(ticker.ticks()).isEqualTo(1);
			OtpRuntime runtime = context.getBean(OtpRuntime.class);
			runtime.send(runtime.named("ticker"), "hello");
			assertThat(TickingServer.events.poll(10, TimeUnit.SECONDS)).isEqualTo("other hello");
		});
	}

	@Test
	void voidCallWaitsAndCastDoesNot() throws Exception {
		this.runner.withUserConfiguration(TickingServer.class).run((context) -> {
			TickingServer ticker = context.getBean(TickingServer.class);
			TickingServer.events.poll(10, TimeUnit.SECONDS); // init
			TickingServer.events.poll(10, TimeUnit.SECONDS); // first tick
			ticker.sync();
			assertThat(TickingServer.events.poll()).isEqualTo("sync ran"); // already there: the call waited
			ticker.fireAndForget();
			assertThat(TickingServer.events.poll(10, TimeUnit.SECONDS)).isEqualTo("cast ran");
		});
	}

	@Test
	void onTerminateRunsWhenTheTreeStops() throws Exception {
		this.runner.withUserConfiguration(TickingServer.class).run((context) -> {
			TickingServer.events.poll(10, TimeUnit.SECONDS);
			TickingServer.events.poll(10, TimeUnit.SECONDS);
		});
		// the context is closed: the supervisor shut the server down and it traps exits (R7.3)
		assertThat(TickingServer.events).contains("terminate shutdown");
	}

	@Test
	void hooksCannotBeCalledThroughTheProxy() {
		this.runner.withUserConfiguration(TickingServer.class).run((context) -> {
			TickingServer ticker = context.getBean(TickingServer.class);
			assertThatThrownBy(() -> ticker.tick(new TickingServer.Tick(9)))
				.isInstanceOf(UnsupportedOperationException.class)
				.hasMessageContaining("not part of the server's interface");
		});
	}

	@Test
	void aFailedAsynchronousResultFailsTheCallersFuture() {
		this.runner.withUserConfiguration(AsyncServer.class).run((context) -> {
			AsyncServer server = context.getBean(AsyncServer.class);
			assertThatThrownBy(() -> server.failLater().join()).isInstanceOf(CompletionException.class)
				.hasRootCauseMessage("later");
			assertThat(server.answer().join()).isEqualTo(42); // the process did not crash
		});
	}

}
