package dev.otpspring.supervisor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.otpspring.genserver.CallResult;
import dev.otpspring.genserver.From;
import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.genserver.Init;
import dev.otpspring.genserver.Reply;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A killed supervisor takes its linked, non-trapping children with it (R1.4, R13.1) before its
 * parent hears of its death, so the parent's restart finds the children's names free: every kill
 * costs exactly one restart, never a failed start burning the parent's restart intensity.
 */
class KilledSupervisorRestartTest {

	private static final List<String> WORKERS = List.of("alpha", "beta", "gamma");

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void close() {
		this.runtime.close();
	}

	/** A named worker that answers its name. */
	record Named(String name) implements GenServerBehaviour<String> {

		@Override
		public Init<String> init() {
			return Init.ok(this.name);
		}

		@Override
		public CallResult<String> handleCall(Object request, From from, String state) {
			return new Reply<>(state, state);
		}

	}

	@Test
	void killingASupervisorRestartsItOnceWithItsChildrenAndNoFailedStart() {
		ConcurrentLinkedQueue<SupervisorEvent> events = new ConcurrentLinkedQueue<>();
		SupervisorEvents.of(this.runtime).subscribe(events::add);
		SupervisorSpec mid = SupervisorSpec.of(Strategy.ONE_FOR_ONE, WORKERS.stream()
			.map((name) -> ChildSpec.worker(name, () -> GenServer.startLink(new Named(name), GenServerOptions.named(name))))
			.toList()).named("mid");
		Supervisor root = Supervisor.of(Supervisor.start(this.runtime,
				SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(ChildSpec.supervisor("mid", () -> Supervisor.startLink(mid))))
					.named("root")
					.withIntensity(1_000, 5)).pid());

		int kills = 30;
		for (int i = 0; i < kills; i++) {
			Pid before = this.runtime.whereis("mid");
			assertThat(this.runtime.exit(before, ExitReason.KILL)).isTrue();
			await().atMost(Duration.ofSeconds(15)).until(() -> {
				Pid now = this.runtime.whereis("mid");
				return now != null && !now.equals(before) && WORKERS.stream().allMatch((name) -> this.runtime.whereis(name) != null);
			});
		}

		assertThat(events).filteredOn(SupervisorEvent.StartFailed.class::isInstance).isEmpty();
		assertThat(events).filteredOn(SupervisorEvent.ChildRestarted.class::isInstance).hasSize(kills);
		assertThat(root.info().restartsInWindow()).isLessThanOrEqualTo(kills);
		for (String name : WORKERS) {
			assertThat(GenServer.call(this.runtime.named(name), "who")).isEqualTo(name);
		}
	}

}
