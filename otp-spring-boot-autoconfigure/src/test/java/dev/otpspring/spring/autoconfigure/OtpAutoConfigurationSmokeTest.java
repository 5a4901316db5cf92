package dev.otpspring.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.spring.OtpSupervisionTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class OtpAutoConfigurationSmokeTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class));

	@Test
	void genServerThroughProxy() {
		this.runner.withUserConfiguration(CounterServer.class).run((context) -> {
			assertThat(context).hasNotFailed();
			CounterServer counter = context.getBean(CounterServer.class);
			System.out.println(counter + " " + counter.getClass());
			counter.increment();
			counter.increment();
			assertThat(counter.value()).isEqualTo(2);
			assertThat(counter.valueLater().join()).isEqualTo(2);
			int before = CounterServer.instances.get();
			assertThatThrownBy(counter::crash).isInstanceOf(ProcessExitException.class).hasRootCauseMessage("boom");
			OtpRuntime runtime = context.getBean(OtpRuntime.class);
			await().until(() -> runtime.whereis("counter") != null && CounterServer.instances.get() > before);
			assertThat(counter.value()).isZero();
			System.out.println(context.getBean(OtpSupervisionTree.class).plan());
		});
	}

}
