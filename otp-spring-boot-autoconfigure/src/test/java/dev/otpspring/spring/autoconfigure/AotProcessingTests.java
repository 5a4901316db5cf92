package dev.otpspring.spring.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import dev.otpspring.spring.OtpSupervisionTree;
import dev.otpspring.supervisor.DynamicSupervisor;
import dev.otpspring.supervisor.Supervisor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AOT (what {@code spring-boot:process-aot} runs): the OTP bean definitions — @GenServer
 * proxies, supervisors from properties — are written as code, and the application runs from it.
 */
@CompileWithForkedClassLoader
class AotProcessingTests {

	@Test
	void aContextProcessedAheadOfTimeStartsTheTreeAndServesCalls() {
		GenericApplicationContext source = new AnnotationConfigApplicationContext();
		source.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
				Map.of("otp.supervisors.jobs.strategy", "dynamic", "otp.supervisors.jobs.max-children", "7",
						"otp.supervisors.workers.strategy", "one-for-all", "otp.supervisors.workers.parent", "root")));
		source.registerBean(App.class);
		TestGenerationContext generation = new TestGenerationContext();

		ClassName initializer = new ApplicationContextAotGenerator().processAheadOfTime(source, generation);
		generation.writeGeneratedContent();

		// for a native image: the process invokes the @GenServer methods reflectively
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CounterServer.class, "value"))
			.accepts(generation.getRuntimeHints());
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CounterServer.class, "constructed"))
			.accepts(generation.getRuntimeHints());

		TestCompiler.forSystem().with(generation).compile((compiled) -> {
			@SuppressWarnings("unchecked")
			ApplicationContextInitializer<GenericApplicationContext> aot = compiled
				.getInstance(ApplicationContextInitializer.class, initializer.reflectionName());
			try (GenericApplicationContext context = new GenericApplicationContext()) {
				context.getEnvironment().getPropertySources().addFirst(source.getEnvironment().getPropertySources().get("test"));
				aot.initialize(context);
				context.refresh();

				assertThat(context.getBean(OtpSupervisionTree.class).state()).isEqualTo(OtpSupervisionTree.State.RUNNING);
				CounterServer counter = context.getBean(CounterServer.class);
				counter.increment();
				assertThat(counter.value()).isEqualTo(1);
				assertThat(context.getBean("workers", Supervisor.class).whichChildren()).isEmpty();
				assertThat(context.getBean("jobs", DynamicSupervisor.class).countChildren().active()).isZero();
			}
		});
	}

	@ImportAutoConfiguration(OtpAutoConfiguration.class)
	@Import(CounterServer.class)
	public static class App {

	}

}
