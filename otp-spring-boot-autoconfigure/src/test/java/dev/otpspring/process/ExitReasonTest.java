package dev.otpspring.process;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** R1.1: which exit reasons a supervisor treats as normal. */
class ExitReasonTest {

	static Stream<Arguments> reasons() {
		return Stream.of(
				Arguments.of(ExitReason.NORMAL, true),
				Arguments.of(ExitReason.SHUTDOWN, true),
				Arguments.of(ExitReason.shutdown("maintenance"), true),
				Arguments.of(ExitReason.KILLED, false),
				Arguments.of(ExitReason.KILL, false),
				Arguments.of(ExitReason.NOPROC, false),
				Arguments.of(ExitReason.crash(new IllegalStateException("boom")), false),
				Arguments.of(ExitReason.of("timeout"), false));
	}

	// R1.1
	@ParameterizedTest(name = "{0} is normal-like: {1}")
	@MethodSource("reasons")
	void exactlyNormalShutdownAndShutdownWithTermAreNormalLike(ExitReason reason, boolean normalLike) {
		assertThat(reason.isNormalLike()).isEqualTo(normalLike);
	}

}
