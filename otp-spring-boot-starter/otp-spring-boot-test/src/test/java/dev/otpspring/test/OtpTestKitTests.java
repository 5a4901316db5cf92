package dev.otpspring.test;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.ManualScheduler;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.SpawnOptions;
import dev.otpspring.supervisor.ChildSpec;
import dev.otpspring.supervisor.Strategy;
import dev.otpspring.supervisor.Supervisor;
import dev.otpspring.supervisor.SupervisorSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** The {@link OtpTestKit} lifecycle, driven by hand: what it starts before a test and cleans after it. */
class OtpTestKitTests {

	private final ExtensionContext test = testNamed("aTest()");

	@Test
	void eachTestGetsAFreshRuntimeOnAManualClock() {
		OtpTestKit kit = OtpTestKit.withManualClock();
		kit.beforeEach(this.test);
		OtpRuntime first = kit.runtime();
		assertThat(first.scheduler()).isSameAs(kit.clock()).isInstanceOf(ManualScheduler.class);
		kit.afterEach(this.test);
		kit.beforeEach(this.test);
		assertThat(kit.runtime()).isNotSameAs(first);
		kit.afterEach(this.test);
	}

	@Test
	void theRuntimeIsClosedAfterTheTest() {
		OtpTestKit kit = OtpTestKit.withManualClock();
		kit.beforeEach(this.test);
		OtpRuntime runtime = kit.runtime();
		kit.afterEach(this.test);
		assertThatIllegalStateException().isThrownBy(() -> runtime.spawn(() -> (message) -> {
		})).withMessageContaining("closed");
	}

	/** Repeated: the teardown must await the exits, not merely ask for them. */
	@RepeatedTest(30)
	void aSupervisedChildIsStoppedAndAwaitedBeforeTheNextTest() {
		OtpTestKit kit = OtpTestKit.withManualClock();
		kit.beforeEach(this.test);
		OtpRuntime runtime = kit.runtime();
		Pid child = kit.startSupervised(ChildSpec.worker("echo", () -> GenServer.startLink(new EchoServer())));
		assertThat(runtime.isAlive(child)).isTrue();
		kit.afterEach(this.test);
		assertThat(runtime.isAlive(child)).isFalse();
		assertThat(runtime.processCount()).isZero();
	}

	@RepeatedTest(30)
	void aSupervisedSupervisorIsStoppedWithAllItsChildren() {
		OtpTestKit kit = OtpTestKit.withManualClock();
		kit.beforeEach(this.test);
		OtpRuntime runtime = kit.runtime();
		Supervisor payments = kit.startSupervised(SupervisorSpec.of(Strategy.REST_FOR_ONE, List.of(
				ChildSpec.worker("ledger", () -> GenServer.startLink(new EchoServer(), GenServerOptions.named("ledger"))),
				ChildSpec.worker("gateway", () -> GenServer.startLink(new EchoServer()))))
			.named("payments"));
		assertThat(payments.countChildren().workers()).isEqualTo(2);
		Pid ledger = runtime.whereis("ledger");
		kit.afterEach(this.test);
		assertThat(runtime.isAlive(ledger)).isFalse();
		assertThat(runtime.processCount()).isZero();
		assertThat(runtime.registeredNames()).isEmpty();
	}

	@Test
	void probesAreStoppedAfterTheTest() {
		OtpTestKit kit = OtpTestKit.withManualClock();
		kit.beforeEach(this.test);
		OtpRuntime runtime = kit.runtime();
		TestProbe probe = kit.probe();
		kit.afterEach(this.test);
		assertThat(runtime.exitReason(probe.pid())).contains(ExitReason.KILLED);
	}

	@Test
	void aProcessLeftRunningFailsTheTestNamingIt() {
		OtpTestKit kit = OtpTestKit.withManualClock();
		kit.beforeEach(this.test);
		kit.runtime().spawn(() -> (message) -> {
		}, SpawnOptions.DEFAULTS.named("leaked"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> kit.afterEach(this.test))
			.withMessageContaining("OtpTestKit after aTest()")
			.withMessageContaining("1 process(es) still running")
			.withMessageContaining("[leaked]");
	}

	@Test
	void aChildThatCannotStartIsReportedAtOnce() {
		OtpTestKit kit = OtpTestKit.withManualClock();
		kit.beforeEach(this.test);
		assertThatIllegalStateException()
			.isThrownBy(() -> kit.startSupervised(ChildSpec.worker("broken", () -> {
				throw new IllegalArgumentException("no config");
			})))
			.withMessageContaining("Could not start child 'broken'");
		kit.afterEach(this.test);
	}

	@Test
	void theSystemClockKitHasNoManualClock() {
		OtpTestKit kit = OtpTestKit.withSystemClock();
		kit.beforeEach(this.test);
		assertThat(kit.runtime().scheduler()).isNotInstanceOf(ManualScheduler.class);
		assertThatIllegalStateException().isThrownBy(kit::clock).withMessageContaining("system clock");
		kit.afterEach(this.test);
	}

	@Test
	void usingTheKitOutsideATestSaysHowToRegisterIt() {
		assertThatIllegalStateException().isThrownBy(() -> OtpTestKit.withManualClock().runtime())
			.withMessageContaining("@RegisterExtension");
	}

	@Test
	void aTimerFiresWhenTheClockIsAdvanced() {
		OtpTestKit kit = OtpTestKit.withManualClock();
		kit.beforeEach(this.test);
		TestProbe probe = kit.probe();
		kit.runtime().sendAfter(probe.pid(), "ping", Duration.ofMinutes(1));
		probe.expectNoMessage();
		kit.clock().advance(Duration.ofMinutes(1));
		probe.expectMessageEqualTo("ping");
		kit.afterEach(this.test);
	}

	private static ExtensionContext testNamed(String name) {
		ExtensionContext context = mock(ExtensionContext.class);
		given(context.getDisplayName()).willReturn(name);
		return context;
	}

}
