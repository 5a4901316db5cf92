package dev.otpspring.spring.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A whole Spring Boot application: crash a @GenServer through its proxy, a fresh instance answers next. */
@SpringBootTest(properties = "otp.supervisors.root.max-restarts=10")
class GenServerSpringBootTest {

	@Autowired
	CounterServer counter;

	@Autowired
	OtpRuntime runtime;

	@Test
	void aCrashedServerIsRestartedAndItsFreshInstanceAnswersTheNextCall() {
		this.counter.increment();
		assertThat(this.counter.value()).isEqualTo(1);
		Pid before = this.runtime.whereis("counter");

		assertThatThrownBy(this.counter::crash).isInstanceOf(ProcessExitException.class).hasRootCauseMessage("boom");

		await().atMost(Duration.ofSeconds(10)).until(() -> !before.equals(this.runtime.whereis("counter")));
		assertThat(this.counter.value()).isZero();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(CounterServer.class)
	static class TestApplication {

	}

}
