package com.example.greeter;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import dev.otpspring.supervisor.Supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that {@code otp-spring-boot-starter} alone is enough: this project depends on nothing
 * else, yet a non-web {@link SpringApplication} gets the OTP auto-configuration, the supervisors
 * from {@code application.yaml} and a working, self-healing {@code @GenServer}.
 */
class StarterConsumerTests {

	@Test
	void theClassPathHoldsOnlyWhatTheStarterBrings() {
		// Otherwise this test could pass thanks to something other than the starter.
		assertThat(present("org.springframework.web.servlet.DispatcherServlet")).isFalse();
		assertThat(present("org.springframework.boot.actuate.endpoint.annotation.Endpoint")).isFalse();
		assertThat(present("io.micrometer.core.instrument.MeterRegistry")).isFalse();
		assertThat(present("dev.otpspring.spring.autoconfigure.OtpAutoConfiguration")).isTrue();
	}

	@Test
	void aNonWebApplicationRunsASupervisedGenServerThatHealsAfterACrash() {
		try (ConfigurableApplicationContext context = SpringApplication.run(GreeterApplication.class)) {
			assertThat(context.getBeanNamesForType(OtpAutoConfiguration.class)).hasSize(1);
			Greeter greeter = context.getBean(Greeter.class);
			OtpRuntime runtime = context.getBean(OtpRuntime.class);
			assertThat(greeter.greet("Joe")).isEqualTo("Hello, Joe (#1)");
			assertThat(greeter.greet("Mike")).isEqualTo("Hello, Mike (#2)");
			Pid before = runtime.whereis("greeter");

			greeter.crash();

			await().atMost(Duration.ofSeconds(10)).until(() -> {
				Pid now = runtime.whereis("greeter");
				return now != null && !now.equals(before);
			});
			assertThat(greeter.greet("Robert")).isEqualTo("Hello, Robert (#1)"); // a fresh instance
			Supervisor greeters = context.getBean("greeters", Supervisor.class);
			assertThat(greeters.whichChildren()).singleElement().satisfies((child) -> {
				assertThat(child.id()).isEqualTo("greeter");
				assertThat(child.restarts()).isEqualTo(1);
			});
		}
	}

	private static boolean present(String className) {
		return ClassUtils.isPresent(className, StarterConsumerTests.class.getClassLoader());
	}

}
