package dev.otpspring.supervisor;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.otpspring.genserver.StartResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Child spec and supervisor spec defaults and validation (§1, R3.6, R6.1, R7.5). */
class ChildSpecTest {

	private static final ChildStart START = StartResult.Ignore::new;

	@Test
	void workerSpecDefaultsToPermanentWorkerWithFiveSecondShutdown() {
		ChildSpec spec = ChildSpec.worker("a", START);

		// §1 child spec defaults
		assertThat(spec.restart()).isEqualTo(RestartType.PERMANENT);
		assertThat(spec.type()).isEqualTo(ChildType.WORKER);
		assertThat(spec.shutdown()).isEqualTo(Shutdown.timeout(Duration.ofSeconds(5)));
	}

	@Test
	void supervisorChildSpecDefaultsToPermanentWithInfiniteShutdown() {
		ChildSpec spec = ChildSpec.supervisor("tree", START);

		// §1, R7.5
		assertThat(spec.restart()).isEqualTo(RestartType.PERMANENT);
		assertThat(spec.type()).isEqualTo(ChildType.SUPERVISOR);
		assertThat(spec.shutdown()).isEqualTo(Shutdown.INFINITY);
	}

	@Test
	void supervisorSpecDefaultsToThreeRestartsInFiveSeconds() {
		SupervisorSpec spec = SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of());

		// §1 Elixir max_restarts 3, max_seconds 5
		assertThat(spec.maxRestarts()).isEqualTo(3);
		assertThat(spec.maxSeconds()).isEqualTo(5);
	}

	@Test
	void dynamicSupervisorSpecDefaultsToThreeRestartsInFiveSecondsAndNoChildLimit() {
		DynamicSupervisorSpec spec = DynamicSupervisorSpec.defaults();

		// §1 DynamicSupervisor.init/1
		assertThat(spec.maxRestarts()).isEqualTo(3);
		assertThat(spec.maxSeconds()).isEqualTo(5);
		assertThat(spec.maxChildren()).isEqualTo(DynamicSupervisorSpec.UNLIMITED);
	}

	@Test
	void childSpecWithoutIdIsRejected() {
		assertThatThrownBy(() -> ChildSpec.worker(null, START)).isInstanceOf(InvalidChildSpecException.class)
			.hasMessageContaining("id");
	}

	static Stream<Arguments> specsWithOneMissingField() {
		ChildSpec valid = ChildSpec.worker("cache", START);
		return Stream.of(
				Arguments.of("start", (Supplier<ChildSpec>) () -> new ChildSpec("cache", null, valid.restart(),
						valid.shutdown(), valid.type())),
				Arguments.of("restart", (Supplier<ChildSpec>) () -> valid.withRestart(null)),
				Arguments.of("shutdown", (Supplier<ChildSpec>) () -> valid.withShutdown(null)),
				Arguments.of("type", (Supplier<ChildSpec>) () -> new ChildSpec("cache", START, valid.restart(),
						valid.shutdown(), null)));
	}

	@ParameterizedTest(name = "missing {0}")
	@MethodSource("specsWithOneMissingField")
	void invalidChildSpecIsRejectedNamingTheChildAndTheField(String field, Supplier<ChildSpec> spec) {
		// R6.1
		assertThatThrownBy(spec::get).isInstanceOf(InvalidChildSpecException.class)
			.hasMessageContaining("'cache'")
			.hasMessageContaining(field);
	}

	@Test
	void duplicateChildIdsAreRejectedBeforeAnythingStarts() {
		ChildProbe probe = new ChildProbe();
		List<ChildSpec> children = List.of(probe.worker("a"), probe.worker("b"), probe.worker("a"));

		// R6.1: {start_spec, {duplicate_child_name, a}}, and nothing was started
		assertThatThrownBy(() -> SupervisorSpec.of(Strategy.ONE_FOR_ONE, children))
			.isInstanceOf(InvalidChildSpecException.class)
			.hasMessageContaining("duplicate child id 'a'");
		assertThat(probe.attempts("a")).isZero();
	}

	@Test
	void negativeMaxRestartsIsRejected() {
		// R3.6: intensity must be an integer >= 0
		assertThatThrownBy(() -> SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of()).withIntensity(-1, 5))
			.isInstanceOf(InvalidChildSpecException.class)
			.hasMessageContaining("maxRestarts");
	}

	@Test
	void zeroMaxRestartsIsAccepted() {
		// R3.6: 0 is a valid intensity (give up on the first restart)
		assertThat(SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of()).withIntensity(0, 5).maxRestarts()).isZero();
	}

	@Test
	void zeroMaxSecondsIsRejected() {
		// R3.6: period must be an integer > 0
		assertThatThrownBy(() -> SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of()).withIntensity(3, 0))
			.isInstanceOf(InvalidChildSpecException.class)
			.hasMessageContaining("maxSeconds");
	}

	@Test
	void dynamicSupervisorSpecValidatesIntensityToo() {
		// R3.6, R9.7
		assertThatThrownBy(() -> DynamicSupervisorSpec.defaults().withIntensity(-1, 5))
			.isInstanceOf(InvalidChildSpecException.class)
			.hasMessageContaining("maxRestarts");
		assertThatThrownBy(() -> DynamicSupervisorSpec.defaults().withIntensity(3, 0))
			.isInstanceOf(InvalidChildSpecException.class)
			.hasMessageContaining("maxSeconds");
	}

	@Test
	void supervisorSpecWithoutStrategyIsRejected() {
		// §1: the strategy is required
		assertThatThrownBy(() -> SupervisorSpec.of(null, List.of())).isInstanceOf(InvalidChildSpecException.class)
			.hasMessageContaining("strategy");
	}

	@Test
	void negativeShutdownTimeoutIsRejected() {
		// R7.2: a shutdown timeout is zero or more
		assertThatThrownBy(() -> Shutdown.timeout(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("shutdown timeout");
	}

	// R6.1
	@Test
	void aNullChildIsRejectedNamingItsPosition() {
		java.util.List<ChildSpec> children = new java.util.ArrayList<>();
		children.add(ChildSpec.worker("first", () -> null));
		children.add(null);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> SupervisorSpec.of(Strategy.ONE_FOR_ONE, children).named("jobs"))
			.isInstanceOf(InvalidChildSpecException.class)
			.hasMessageContaining("child number 2 is null");
	}

}
