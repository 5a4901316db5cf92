package dev.otpspring.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.otpspring.agent.Agent;
import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Via;
import dev.otpspring.spring.OtpSupervisionTree;
import dev.otpspring.supervisor.ChildInfo;
import dev.otpspring.supervisor.ChildSpec;
import dev.otpspring.supervisor.DynamicSupervisor;
import dev.otpspring.supervisor.Strategy;
import dev.otpspring.supervisor.Supervisor;
import dev.otpspring.supervisor.SupervisorInfo;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree from properties and beans: supervisors, @Supervised processes, Agents. */
class SupervisionTreeTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class));

	@Test
	void aRootSupervisorExistsByDefault() {
		this.runner.run((context) -> {
			OtpSupervisionTree tree = context.getBean(OtpSupervisionTree.class);
			assertThat(tree.state()).isEqualTo(OtpSupervisionTree.State.RUNNING);
			SupervisorInfo root = context.getBean("root", Supervisor.class).info();
			assertThat(root.strategy()).isEqualTo(Strategy.ONE_FOR_ONE);
			assertThat(root.maxRestarts()).isEqualTo(3);
			assertThat(root.maxSeconds()).isEqualTo(5);
			assertThat(root.pid()).isEqualTo(tree.root());
		});
	}

	@Test
	void supervisorsComeFromPropertiesWithTheirStrategyIntensityAndParent() {
		this.runner
			.withPropertyValues("otp.supervisors.root.max-restarts=7", "otp.supervisors.payments.strategy=rest-for-one",
					"otp.supervisors.payments.max-restarts=1", "otp.supervisors.payments.max-seconds=9",
					"otp.supervisors.infosys.strategy=dynamic", "otp.supervisors.infosys.parent=payments",
					"otp.supervisors.infosys.max-children=3")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("root", Supervisor.class).info().maxRestarts()).isEqualTo(7);
				SupervisorInfo payments = context.getBean("payments", Supervisor.class).info();
				assertThat(payments.strategy()).isEqualTo(Strategy.REST_FOR_ONE);
				assertThat(payments.maxRestarts()).isEqualTo(1);
				assertThat(payments.maxSeconds()).isEqualTo(9);
				assertThat(payments.children()).extracting(ChildInfo::id).containsExactly("infosys");
				SupervisorInfo infosys = context.getBean("infosys", DynamicSupervisor.class).info();
				assertThat(infosys.dynamic()).isTrue();
				assertThat(infosys.maxChildren()).isEqualTo(3);
			});
	}

	@Test
	void aDynamicSupervisorIsInjectableByQualifierAndStartsPerKeyProcesses() {
		this.runner.withPropertyValues("otp.supervisors.sessions.strategy=dynamic")
			.withBean(SessionStarter.class)
			.run((context) -> {
				SessionStarter starter = context.getBean(SessionStarter.class);
				Pid first = starter.session("alice");
				assertThat(starter.session("alice")).isEqualTo(first);
				assertThat(starter.session("bob")).isNotEqualTo(first);
				assertThat(GenServer.call(context.getBean(OtpRuntime.class).named(new Via("session", "alice")), "hi"))
					.isEqualTo("alice:hi");
			});
	}

	@Test
	void supervisedBeansStartUnderTheirSupervisorInOrder() {
		this.runner.withUserConfiguration(TreeConfigurations.SupervisedConfiguration.class)
			.withPropertyValues("otp.supervisors.payments.strategy=rest-for-one")
			.run((context) -> {
				OtpRuntime runtime = context.getBean(OtpRuntime.class);
				List<ChildInfo> payments = context.getBean("payments", Supervisor.class).whichChildren();
				assertThat(payments).extracting(ChildInfo::id).containsExactly("gateway", "ledger"); // reverse start order
				assertThat(GenServer.call(runtime.named("ledger"), "x")).isEqualTo("ledger:x");
				assertThat(GenServer.call(runtime.named("audit"), "y")).isEqualTo("audit:y");
				assertThat(context.getBean("root", Supervisor.class).whichChildren()).extracting(ChildInfo::id)
					.containsExactlyInAnyOrder("payments", "audit");
			});
	}

	@Test
	void supervisedOnABeanClassStartsItWithTheAnnotationsNameAndRestartType() {
		this.runner.withUserConfiguration(SupervisedTicker.class).run((context) -> {
			OtpRuntime runtime = context.getBean(OtpRuntime.class);
			assertThat(GenServer.call(runtime.named("ticker-on-class"), "tick")).isEqualTo(1);
			assertThat(context.getBean("root", Supervisor.class).whichChildren()).singleElement()
				.satisfies((child) -> {
					assertThat(child.id()).isEqualTo("ticker-on-class");
					assertThat(child.restart()).isEqualTo(dev.otpspring.supervisor.RestartType.TRANSIENT);
				});
		});
	}

	@Test
	void supervisorsCanBeDeclaredAsBeans() {
		this.runner.withUserConfiguration(TreeConfigurations.SupervisorBeansConfiguration.class).run((context) -> {
			SupervisorInfo payments = context.getBean("payments", Supervisor.class).info();
			assertThat(payments.strategy()).isEqualTo(Strategy.REST_FOR_ONE);
			assertThat(payments.maxRestarts()).isEqualTo(5);
			assertThat(payments.children()).extracting(ChildInfo::id).containsExactly("sessions");
			assertThat(context.getBean("sessions", DynamicSupervisor.class).info().maxChildren()).isEqualTo(2);
		});
	}

	@Test
	void anAgentDefinitionGivesAnAgentInjectableByItsGenericType() {
		this.runner.withUserConfiguration(TreeConfigurations.AgentConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			// AgentUser's constructor asks for Agent<Map<String, Integer>>: injection by generic type
			Agent<Map<String, Integer>> cache = context.getBean(TreeConfigurations.AgentUser.class).cache();
			assertThat(cache.ref()).isEqualTo(context.getBean(OtpRuntime.class).named("cache"));
			cache.update((map) -> {
				map.put("hits", 1);
				return map;
			});
			Integer hits = context.getBean(TreeConfigurations.AgentUser.class).cache().get((map) -> map.get("hits"));
			assertThat(hits).isEqualTo(1);
			assertThat(context.getBean("root", Supervisor.class).whichChildren()).extracting(ChildInfo::id)
				.containsExactly("cache");
		});
	}

	@Test
	void anAgentHandleSurvivesRestartsOfTheAgentProcess() {
		this.runner.withUserConfiguration(TreeConfigurations.AgentConfiguration.class).run((context) -> {
			Agent<Map<String, Integer>> cache = context.getBean(TreeConfigurations.AgentUser.class).cache();
			cache.update((map) -> {
				map.put("a", 1);
				return map;
			});
			OtpRuntime runtime = context.getBean(OtpRuntime.class);
			Pid before = runtime.whereis("cache");
			runtime.exit(before, dev.otpspring.process.ExitReason.KILL);
			org.awaitility.Awaitility.await()
				.until(() -> runtime.whereis("cache") != null && !runtime.whereis("cache").equals(before));
			Integer size = cache.get(Map::size);
			assertThat(size).isZero(); // restarted in its initial state (R14.4)
		});
	}

	/** A bean that starts per-key processes on the injected dynamic supervisor. */
	static class SessionStarter {

		private final DynamicSupervisor sessions;

		SessionStarter(@Qualifier("sessions") DynamicSupervisor sessions) {
			this.sessions = sessions;
		}

		Pid session(String user) {
			return this.sessions.getOrStart(new Via("session", user), (name) -> ChildSpec.worker(name,
					() -> GenServer.startLink(new TreeConfigurations.Echo(user), GenServerOptions.named(name))));
		}

	}

}
