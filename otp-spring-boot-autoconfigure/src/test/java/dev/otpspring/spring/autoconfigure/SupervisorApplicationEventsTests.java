package dev.otpspring.spring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.supervisor.SupervisorEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Supervisor events reach {@code @EventListener} beans, from a process of their own. */
class SupervisorApplicationEventsTests {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class))
		.withUserConfiguration(CounterServer.class, RestartListener.class);

	@Test
	void anEventListenerHearsOfARestart() {
		this.runner.run((context) -> {
			RestartListener listener = context.getBean(RestartListener.class);
			listener.release.countDown();

			assertThatThrownBy(context.getBean(CounterServer.class)::crash).isInstanceOf(ProcessExitException.class);

			SupervisorEvent.ChildRestarted restarted = listener.restarts.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			assertThat(restarted).isNotNull();
			assertThat(restarted.childId()).isEqualTo("counter");
			assertThat(restarted.supervisor().name()).isEqualTo("root");
		});
	}

	@Test
	void aListenerThatBlocksDoesNotHoldUpTheSupervisor() {
		this.runner.run((context) -> {
			RestartListener listener = context.getBean(RestartListener.class); // blocks until released
			CounterServer counter = context.getBean(CounterServer.class);
			assertThatThrownBy(counter::crash).isInstanceOf(ProcessExitException.class);
			assertThat(listener.restarts.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNotNull(); // now blocked in it

			assertThatThrownBy(counter::crash).isInstanceOf(ProcessExitException.class);
			counter.increment(); // served by the instance restarted while the listener is stuck

			assertThat(counter.value()).isEqualTo(1);
			assertThat(listener.restarts).isEmpty();
			listener.release.countDown();
			assertThat(listener.restarts.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNotNull();
		});
	}

	/** Hears restarts; each waits until the test releases the listener. */
	static class RestartListener {

		final BlockingQueue<SupervisorEvent.ChildRestarted> restarts = new LinkedBlockingQueue<>();

		final CountDownLatch release = new CountDownLatch(1);

		@EventListener
		void onRestart(SupervisorEvent.ChildRestarted restarted) throws InterruptedException {
			this.restarts.add(restarted);
			this.release.await();
		}

	}

}
