package dev.otpspring.spring.autoconfigure;

import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad configuration fails startup with a failure analysis that names the property or bean to fix. */
class FailureAnalysisTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class));

	@Test
	void unknownParent() {
		assertFailure(this.runner.withPropertyValues("otp.supervisors.payments.parent=nowhere"),
				"otp.supervisors.payments.parent: unknown parent supervisor 'nowhere'");
	}

	@Test
	void cycleOfParents() {
		assertFailure(this.runner.withPropertyValues("otp.supervisors.a.parent=b", "otp.supervisors.b.parent=a"),
				"the parents form a cycle: a -> b -> a");
	}

	@Test
	void duplicateProcessNames() {
		assertFailure(this.runner.withUserConfiguration(BadServers.FirstTwin.class, BadServers.SecondTwin.class),
				"the process name 'twin' is already used by @GenServer bean");
	}

	@Test
	void processNamedLikeASupervisor() {
		assertFailure(this.runner.withUserConfiguration(CounterServer.class)
			.withPropertyValues("otp.supervisors.counter.strategy=one-for-one"),
				"otp.supervisors.counter: a bean named 'counter' already exists");
	}

	@Test
	void unknownStrategyNamesThePropertyAndTheValidValues() {
		FailureAnalysis analysis = analysis(this.runner.withPropertyValues("otp.supervisors.root.strategy=one-for-some"));
		assertThat(analysis.getDescription()).contains("otp.supervisors.root.strategy").contains("one-for-some");
		assertThat(analysis.getAction()).contains("ONE_FOR_ALL").contains("DYNAMIC");
	}

	@Test
	void negativeMaxRestarts() {
		assertFailure(this.runner.withPropertyValues("otp.supervisors.root.max-restarts=-1"),
				"otp.supervisors.root.max-restarts: must be zero or more, but was -1");
	}

	@Test
	void zeroMaxSeconds() {
		assertFailure(this.runner.withPropertyValues("otp.supervisors.jobs.max-seconds=0"),
				"otp.supervisors.jobs.max-seconds: must be one or more, but was 0");
	}

	@Test
	void maxChildrenOnAStaticSupervisor() {
		assertFailure(this.runner.withPropertyValues("otp.supervisors.jobs.max-children=3"),
				"otp.supervisors.jobs.max-children: only applies to dynamic supervisors");
	}

	@Test
	void dynamicRoot() {
		assertFailure(this.runner.withPropertyValues("otp.supervisors.root.strategy=dynamic"),
				"otp.supervisors.root.strategy: the root supervisor must be static");
	}

	@Test
	void mailboxSettingsForAnUnknownProcess() {
		assertFailure(this.runner.withUserConfiguration(CounterServer.class)
			.withPropertyValues("otp.processes.countr.mailbox.capacity=10"),
				"otp.processes.countr: no process of the tree is named 'countr'");
	}

	@Test
	void negativeMailboxCapacity() {
		assertFailure(this.runner.withUserConfiguration(CounterServer.class)
			.withPropertyValues("otp.processes.counter.mailbox.capacity=-5"),
				"otp.processes.counter.mailbox.capacity: must be 0 (unbounded) or positive, but was -5");
	}

	@Test
	void finalGenServerClass() {
		assertFailure(this.runner.withUserConfiguration(BadServers.FinalServer.class), "the class is final");
	}

	@Test
	void abstractGenServerClass() {
		assertFailure(this.runner.withUserConfiguration(BadServers.AbstractServer.class), "the class is abstract");
	}

	@Test
	void castThatReturnsAValue() {
		assertFailure(this.runner.withUserConfiguration(BadServers.NonVoidCastServer.class),
				"method value: @Cast methods must return void");
	}

	@Test
	void unknownSupervisorOfAProcess() {
		assertFailure(this.runner.withUserConfiguration(BadServers.LostServer.class), "unknown supervisor 'nowhere'");
	}

	@Test
	void processUnderADynamicSupervisor() {
		assertFailure(this.runner.withUserConfiguration(BadServers.UnderDynamicServer.class)
			.withPropertyValues("otp.supervisors.sessions.strategy=dynamic"),
				"'sessions' is a dynamic supervisor, which has no declared children");
	}

	@Test
	void supervisedBeanThatIsNotAProcess() {
		assertFailure(this.runner.withUserConfiguration(TreeConfigurations.NotAProcessConfiguration.class),
				"@Supervised bean 'notAProcess': a java.lang.String is not a process");
	}

	@Test
	void aChildThatFailsToStartFailsStartupNamingTheChild() {
		FailureAnalysis analysis = analysis(this.runner.withUserConfiguration(BadServers.FailingServer.class));
		assertThat(analysis.getDescription()).contains("The OTP supervision tree failed to start")
			.contains("failed_to_start_child, badServers.FailingServer");
	}

	@Test
	void anUnknownOnGiveUpValueNamesTheProperty() {
		FailureAnalysis analysis = analysis(this.runner.withPropertyValues("otp.root.on-give-up=restart-the-world"));
		assertThat(analysis.getDescription()).contains("otp.root.on-give-up").contains("restart-the-world");
		assertThat(analysis.getAction()).contains("STOP_APPLICATION").contains("KEEP_RUNNING");
	}

	private void assertFailure(ApplicationContextRunner runner, String expected) {
		FailureAnalysis analysis = analysis(runner);
		assertThat(analysis.getDescription()).startsWith("Invalid OTP configuration: ").contains(expected);
		assertThat(analysis.getAction()).isNotBlank();
	}

	/** What Spring Boot prints at startup: the first analyzer that understands the failure. */
	private static FailureAnalysis analysis(ApplicationContextRunner runner) {
		FailureAnalysis[] result = new FailureAnalysis[1];
		runner.run((context) -> {
			assertThat(context).hasFailed();
			List<FailureAnalyzer> analyzers = SpringFactoriesLoader
				.forDefaultResourceLocation(FailureAnalysisTests.class.getClassLoader())
				.load(FailureAnalyzer.class, ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
					.and(Environment.class, new StandardEnvironment()), FailureHandler.handleMessage((message, ex) -> {
					}));
			result[0] = analyzers.stream()
				.map((analyzer) -> analyzer.analyze(context.getStartupFailure()))
				.filter(Objects::nonNull)
				.findFirst()
				.orElseThrow(() -> new AssertionError("No analysis for " + context.getStartupFailure()));
		});
		return result[0];
	}

}
