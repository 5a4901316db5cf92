package dev.otpspring.test;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.process.Pid;
import dev.otpspring.supervisor.ChildSpec;
import dev.otpspring.supervisor.Strategy;
import dev.otpspring.supervisor.SupervisorEvent.ChildRestarted;
import dev.otpspring.supervisor.SupervisorSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link RestartAssert} and {@link SupervisorEventRecorder}: waiting for restarts instead of sleeping. */
class RestartAssertTests {

	@RegisterExtension
	final OtpTestKit otp = OtpTestKit.withManualClock();

	@RepeatedTest(30)
	void restartedChildWaitsForTheRestartsThatFollowACrash() {
		this.otp.startSupervised(echo("echo"));
		crash("echo");
		this.otp.supervisorEvents().awaitRestart("echo"); // the name is free until the restart
		crash("echo");
		RestartAssert.assertThat(this.otp.supervisorEvents()).restartedChild("echo").times(2);
	}

	@Test
	void awaitRestartReturnsTheNewPid() {
		Pid first = this.otp.startSupervised(echo("echo"));
		crash("echo");
		ChildRestarted restart = this.otp.supervisorEvents().awaitRestart("echo");
		assertThat(restart.oldPid()).isEqualTo(first);
		assertThat(restart.newPid()).isEqualTo(this.otp.runtime().whereis("echo"));
		assertThat(restart.restarts()).isEqualTo(1);
	}

	@Test
	void timesFailsWhenTheChildWasRestartedMoreOften() {
		this.otp.startSupervised(echo("echo"));
		crash("echo");
		this.otp.supervisorEvents().awaitRestart("echo");
		crash("echo");
		this.otp.supervisorEvents().awaitRestart("echo", 2, SupervisorEventRecorder.DEFAULT_TIMEOUT);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> RestartAssert.assertThat(this.otp.supervisorEvents()).restartedChild("echo").times(1))
			.withMessageContaining("Expected child 'echo' to be restarted 1 time(s), but it was restarted 2 times");
	}

	@Test
	void aRestartThatNeverComesFailsNamingTheChild() {
		this.otp.startSupervised(echo("echo"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> RestartAssert.assertThat(this.otp.supervisorEvents())
				.within(Duration.ofMillis(50))
				.restartedChild("echo"))
			.withMessageContaining("Expected restart #1 of child 'echo' within 0.05s (real time)");
	}

	@Test
	void hasNotRestartedChecksOneChildOnly() {
		this.otp.startSupervised(SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(echo("a"), echo("b"))));
		crash("a");
		RestartAssert.assertThat(this.otp.supervisorEvents()).restartedChild("a").times(1).hasNotRestarted("b");
	}

	@Test
	void gaveUpWaitsForASupervisorPastItsRestartIntensity() {
		this.otp.startSupervised(SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(echo("echo")))
			.named("fragile")
			.withIntensity(0, 5));
		crash("echo");
		RestartAssert.assertThat(this.otp.supervisorEvents()).gaveUp("fragile");
	}

	private static ChildSpec echo(String name) {
		return ChildSpec.worker(name, () -> GenServer.startLink(new EchoServer(), GenServerOptions.named(name)));
	}

	private void crash(String name) {
		assertThatExceptionOfType(ProcessExitException.class)
			.isThrownBy(() -> GenServer.call(this.otp.runtime().named(name), "crash"));
	}

}
