package dev.otpspring.spring.autoconfigure;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.otpspring.process.MailboxFullException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code otp.processes.<name>.mailbox.*} bounds a tree process's mailbox. */
class ProcessPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class));

	@Test
	void aBoundedMailboxFromPropertiesRejectsSendsBeyondItsCapacity() {
		GateServer.entered = new CountDownLatch(1);
		GateServer.gate = new CountDownLatch(1);
		this.runner.withUserConfiguration(GateServer.class)
			.withPropertyValues("otp.processes.gate.mailbox.capacity=2", "otp.processes.gate.mailbox.overflow=reject")
			.run((context) -> {
				GateServer gate = context.getBean(GateServer.class);
				try {
					gate.hold(); // a cast: the process now waits at the gate
					assertThat(GateServer.entered.await(10, TimeUnit.SECONDS)).isTrue();
					gate.note();
					gate.note();
					assertThatThrownBy(gate::note).isInstanceOf(MailboxFullException.class);
				}
				finally {
					GateServer.gate.countDown();
				}
			});
	}

}
