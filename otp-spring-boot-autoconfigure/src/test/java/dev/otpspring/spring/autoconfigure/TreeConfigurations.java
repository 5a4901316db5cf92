package dev.otpspring.spring.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.otpspring.agent.Agent;
import dev.otpspring.genserver.CallResult;
import dev.otpspring.genserver.From;
import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.genserver.Init;
import dev.otpspring.genserver.Reply;
import dev.otpspring.spring.AgentDefinition;
import dev.otpspring.spring.DynamicSupervisorDefinition;
import dev.otpspring.spring.SupervisorDefinition;
import dev.otpspring.spring.annotation.Supervised;
import dev.otpspring.supervisor.ChildSpec;
import dev.otpspring.supervisor.Strategy;

/** Bean configurations shared by the tree tests. */
final class TreeConfigurations {

	private TreeConfigurations() {
	}

	/** A behaviour-style server answering every call with its name. */
	record Echo(String name) implements GenServerBehaviour<String> {

		@Override
		public Init<String> init() {
			return Init.ok(this.name);
		}

		@Override
		public CallResult<String> handleCall(Object request, From from, String state) {
			return new Reply<>(state + ":" + request, state);
		}

	}

	/** Holds what was injected, to prove injection by generic type. */
	record AgentUser(Agent<Map<String, Integer>> cache) {
	}

	@Configuration(proxyBeanMethods = false)
	static class AgentConfiguration {

		@Bean
		AgentDefinition<Map<String, Integer>> cache() {
			return AgentDefinition.of(HashMap::new);
		}

		@Bean
		AgentUser agentUser(Agent<Map<String, Integer>> cache) {
			return new AgentUser(cache);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SupervisedConfiguration {

		@Bean
		@Supervised(supervisor = "payments", order = 2)
		Echo gateway() {
			return new Echo("gateway");
		}

		@Bean
		@Supervised(supervisor = "payments", order = 1)
		Echo ledger() {
			return new Echo("ledger");
		}

		@Bean
		@Supervised
		ChildSpec audit() {
			return ChildSpec.worker("audit", () -> GenServer.startLink(new Echo("audit"), GenServerOptions.named("audit")));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SupervisorBeansConfiguration {

		@Bean
		SupervisorDefinition payments() {
			return SupervisorDefinition.of(Strategy.REST_FOR_ONE).intensity(5, 10);
		}

		@Bean
		DynamicSupervisorDefinition sessions() {
			return DynamicSupervisorDefinition.create().parent("payments").maxChildren(2);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NotAProcessConfiguration {

		@Bean
		@Supervised
		String notAProcess() {
			return "just a string";
		}

	}

}
