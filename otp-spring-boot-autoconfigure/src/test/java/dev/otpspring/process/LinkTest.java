package dev.otpspring.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Links: R13.1, R13.2, linking to a dead process, unlink, long chains. */
class LinkTest {

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	// R13.1
	@Test
	void theLinkedProcessDiesWhenTheProcessThatLinkedCrashes() {
		TestProbe linking = TestProbe.spawn(this.runtime);
		TestProbe other = TestProbe.spawn(this.runtime);
		linking.link(other.pid());
		ExitRecorder otherExit = ExitRecorder.watch(other.pid());
		IllegalStateException boom = new IllegalStateException("boom");

		linking.crash(boom);

		assertThat(otherExit.reason()).isEqualTo(ExitReason.crash(boom));
	}

	// R13.1
	@Test
	void theLinkingProcessDiesWhenTheLinkedProcessCrashes() {
		TestProbe linking = TestProbe.spawn(this.runtime);
		TestProbe other = TestProbe.spawn(this.runtime);
		linking.link(other.pid());
		ExitRecorder linkingExit = ExitRecorder.watch(linking.pid());
		IllegalStateException boom = new IllegalStateException("boom");

		other.crash(boom);

		assertThat(linkingExit.reason()).isEqualTo(ExitReason.crash(boom));
	}

	// R13.1
	@Test
	void anExitPropagatesTransitivelyThroughNonTrappingProcesses() {
		TestProbe first = TestProbe.spawn(this.runtime);
		TestProbe middle = TestProbe.spawn(this.runtime);
		TestProbe last = TestProbe.spawn(this.runtime);
		first.link(middle.pid());
		middle.link(last.pid());
		ExitRecorder firstExit = ExitRecorder.watch(first.pid());

		last.exitWith(ExitReason.of("boom"));

		assertThat(firstExit.reason()).isEqualTo(ExitReason.of("boom"));
		assertThat(this.runtime.isAlive(middle.pid())).isFalse();
	}

	// R13.1
	@Test
	void aTrappingProcessReceivesTheExitAndStopsThePropagation() {
		TestProbe first = TestProbe.spawn(this.runtime);
		TestProbe trapping = TestProbe.spawnTrapping(this.runtime);
		TestProbe last = TestProbe.spawn(this.runtime);
		first.link(trapping.pid());
		trapping.link(last.pid());

		last.exitWith(ExitReason.of("boom"));

		assertThat(trapping.expect(Exit.class)).isEqualTo(new Exit(last.pid(), ExitReason.of("boom")));
		assertThat(this.runtime.isAlive(trapping.pid())).isTrue();
		assertThat(this.runtime.isAlive(first.pid())).isTrue();
	}

	// R13.2
	@Test
	void aNormalExitDoesNotKillALinkedProcess() {
		TestProbe linked = TestProbe.spawn(this.runtime);
		TestProbe exiting = TestProbe.spawn(this.runtime);
		linked.link(exiting.pid());
		ExitRecorder exit = ExitRecorder.watch(exiting.pid());

		exiting.exitWith(ExitReason.NORMAL);

		assertThat(exit.reason()).isEqualTo(ExitReason.NORMAL);
		assertThat(this.runtime.isAlive(linked.pid())).isTrue();
		linked.expectNoMessage();
	}

	// R13.2
	@Test
	void aTrappingProcessIsToldOfANormalExitOfALinkedProcess() {
		TestProbe trapping = TestProbe.spawnTrapping(this.runtime);
		TestProbe exiting = TestProbe.spawn(this.runtime);
		trapping.link(exiting.pid());

		exiting.exitWith(ExitReason.NORMAL);

		assertThat(trapping.expect(Exit.class)).isEqualTo(new Exit(exiting.pid(), ExitReason.NORMAL));
	}

	// R13.1
	@Test
	void linkingToADeadProcessWhileTrappingDeliversExitNoproc() {
		TestProbe trapping = TestProbe.spawnTrapping(this.runtime);
		TestProbe dead = TestProbe.spawn(this.runtime);
		this.runtime.exit(dead.pid(), ExitReason.KILL);

		trapping.link(dead.pid());

		assertThat(trapping.expect(Exit.class)).isEqualTo(new Exit(dead.pid(), ExitReason.NOPROC));
	}

	// R13.1
	@Test
	void linkingToADeadProcessWithoutTrappingThrowsNoProcessException() {
		TestProbe probe = TestProbe.spawn(this.runtime);
		TestProbe dead = TestProbe.spawn(this.runtime);
		this.runtime.exit(dead.pid(), ExitReason.KILL);

		assertThatThrownBy(() -> probe.link(dead.pid())).isInstanceOf(NoProcessException.class)
			.hasMessageContaining(dead.pid().toString());
	}

	@Test
	void unlinkStopsThePropagationBothWays() {
		TestProbe first = TestProbe.spawn(this.runtime);
		TestProbe second = TestProbe.spawn(this.runtime);
		first.link(second.pid());
		first.inside(() -> {
			Self.unlink(second.pid());
			return null;
		});
		ExitRecorder secondExit = ExitRecorder.watch(second.pid());

		second.exitWith(ExitReason.of("boom"));

		assertThat(secondExit.reason()).isEqualTo(ExitReason.of("boom"));
		assertThat(this.runtime.isAlive(first.pid())).isTrue();
		assertThat(this.runtime.info(first.pid()).orElseThrow().links()).isEmpty();
	}

	// R13.1
	@Test
	void spawnLinkLinksTheChildToTheCallingProcess() {
		TestProbe parent = TestProbe.spawnTrapping(this.runtime);
		IllegalStateException boom = new IllegalStateException("boom");

		Pid child = parent.inside(() -> this.runtime.spawnLink(() -> {
			throw boom;
		}));

		assertThat(parent.expect(Exit.class)).isEqualTo(new Exit(child, ExitReason.crash(boom)));
	}

	@Test
	void spawnLinkOutsideAProcessThrowsNotInProcessException() {
		assertThatThrownBy(() -> this.runtime.spawnLink(() -> (message) -> {
		})).isInstanceOf(NotInProcessException.class).hasMessageContaining("spawnLink");
	}

	// R13.1
	@Test
	void aChainOfTenThousandLinkedProcessesDiesWithoutOverflowingTheStack() {
		int length = 10_000;
		long before = this.runtime.processCount();
		CountDownLatch linked = new CountDownLatch(length - 1);
		List<Pid> chain = new ArrayList<>();
		for (int i = 0; i < length; i++) {
			chain.add(this.runtime.spawn(() -> (next) -> {
				Self.link((Pid) next);
				linked.countDown();
			}));
		}
		for (int i = 0; i < length - 1; i++) {
			this.runtime.send(chain.get(i), chain.get(i + 1));
		}
		Gate.await(linked);
		ExitRecorder lastExit = ExitRecorder.watch(chain.get(length - 1));

		this.runtime.exit(chain.get(0), ExitReason.of("boom"));

		assertThat(lastExit.reason()).isEqualTo(ExitReason.of("boom"));
		assertThat(chain).noneMatch(this.runtime::isAlive);
		assertThat(this.runtime.processCount()).isEqualTo(before);
	}

}
