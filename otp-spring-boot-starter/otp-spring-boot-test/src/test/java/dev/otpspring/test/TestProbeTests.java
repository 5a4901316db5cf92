package dev.otpspring.test;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.otpspring.process.Down;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Self;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link TestProbe}: receiving with a timeout, expecting silence, monitoring and links. */
class TestProbeTests {

	@RegisterExtension
	final OtpTestKit otp = OtpTestKit.withManualClock();

	@Test
	void expectMessageReturnsTheNextMessageOfTheExpectedType() {
		TestProbe probe = this.otp.probe();
		this.otp.runtime().send(probe.pid(), "hello");
		assertThat(probe.expectMessage(String.class)).isEqualTo("hello");
	}

	@Test
	void expectMessageOfAnotherTypeFailsNamingWhatArrived() {
		TestProbe probe = this.otp.probe();
		this.otp.runtime().send(probe.pid(), 42);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> probe.expectMessage(String.class))
			.withMessageContaining("expected a message of type String")
			.withMessageContaining("but received 42 (java.lang.Integer)");
	}

	@Test
	void receiveFailsWhenNothingArrivesInTime() {
		TestProbe probe = this.otp.probe();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> probe.receive(Duration.ofMillis(50)))
			.withMessageContaining(probe.pid().toString())
			.withMessageContaining("within 0.05s (real time), but none arrived");
	}

	@Test
	void expectNoMessageSeesAMessageSentJustBefore() {
		TestProbe probe = this.otp.probe();
		this.otp.runtime().send(probe.pid(), "late");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(probe::expectNoMessage)
			.withMessageContaining("expected no message, but received late");
	}

	@Test
	void expectNoMessagePassesWhenNothingWasSent() {
		TestProbe probe = this.otp.probe();
		probe.expectNoMessage();
		probe.expectNoMessage(Duration.ofMillis(20));
	}

	@Test
	void aTimerOnTheManualClockReachesTheProbeOnlyWhenTimeIsAdvanced() {
		TestProbe probe = this.otp.probe();
		this.otp.runtime().sendAfter(probe.pid(), "tick", Duration.ofSeconds(30));
		this.otp.clock().advance(Duration.ofSeconds(29));
		probe.expectNoMessage();
		this.otp.clock().advance(Duration.ofSeconds(1));
		probe.expectMessageEqualTo("tick");
	}

	/** Repeated: a monitor set up after the spawn would race the crash and often see noproc. */
	@RepeatedTest(30)
	void spawnMonitoredSeesTheRealReasonOfAProcessThatCrashesAtOnce() {
		TestProbe probe = this.otp.probe();
		Pid crasher = probe.spawnMonitored(() -> {
			throw new IllegalStateException("boom at start");
		});
		assertThat(probe.expectDown(crasher)).isInstanceOfSatisfying(ExitReason.Crash.class,
				(crash) -> assertThat(crash.cause()).hasMessage("boom at start"));
	}

	@Test
	void expectDownOfAnotherProcessFailsNamingBoth() {
		TestProbe probe = this.otp.probe();
		Pid first = probe.spawnMonitored(() -> (message) -> Self.exit(ExitReason.NORMAL));
		Pid second = probe.spawnMonitored(() -> (message) -> {
		});
		this.otp.runtime().send(first, "stop");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> probe.expectDown(second))
			.withMessageContaining("expected Down of " + second)
			.withMessageContaining("but received Down[")
			.withMessageContaining(first.toString());
		this.otp.runtime().exit(second, ExitReason.KILL);
		assertThat(probe.expectDown(second)).isEqualTo(ExitReason.KILLED);
	}

	@Test
	void aTrappingProbeReceivesTheExitOfALinkedProcess() {
		TestProbe probe = this.otp.trappingProbe();
		OtpRuntime runtime = this.otp.runtime();
		Pid worker = runtime.spawn(() -> (message) -> {
			throw new IllegalArgumentException("bad message " + message);
		});
		probe.link(worker);
		runtime.send(worker, "x");
		assertThat(probe.expectExit(worker)).isInstanceOf(ExitReason.Crash.class);
	}

	@Test
	void insideRunsCodeInTheProbesProcess() {
		TestProbe probe = this.otp.probe();
		assertThat(probe.inside(Self::pid)).isEqualTo(probe.pid());
	}

	@Test
	void aMonitorFromTheProbeDeliversDown() {
		TestProbe probe = this.otp.probe();
		Pid worker = this.otp.runtime().spawn(() -> (message) -> {
		});
		probe.monitor(worker);
		this.otp.runtime().exit(worker, ExitReason.KILL);
		Down down = probe.expectMessage(Down.class);
		assertThat(down.pid()).isEqualTo(worker);
	}

}
