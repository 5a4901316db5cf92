package dev.otpspring.process;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What {@link OtpRuntime#info} reports about a process. */
class ProcessInfoTest {

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	@Test
	void anIdleProcessIsAliveAndWaitingWithAnEmptyMailbox() {
		Pid pid = this.runtime.spawn(() -> (message) -> {
		}, SpawnOptions.DEFAULTS.named("idle"));

		await().atMost(TestProbe.TIMEOUT).untilAsserted(() -> {
			ProcessInfo info = this.runtime.info(pid).orElseThrow();
			assertThat(info.alive()).isTrue();
			assertThat(info.status()).isEqualTo(ProcessStatus.WAITING);
			assertThat(info.registeredName()).isEqualTo("idle");
			assertThat(info.mailboxDepth()).isZero();
			assertThat(info.messagesProcessed()).isZero();
		});
	}

	@Test
	void aProcessBlockedInAHandlerIsRunningAndCountsItsQueuedMessages() {
		Gate gate = new Gate();
		Pid pid = this.runtime.spawn(() -> (message) -> {
			if (message.equals("block")) {
				gate.pass();
			}
		});
		try {
			this.runtime.send(pid, "block");
			gate.awaitEntered();
			this.runtime.send(pid, "a");
			this.runtime.send(pid, "b");
			this.runtime.send(pid, "c");

			ProcessInfo info = this.runtime.info(pid).orElseThrow();

			assertThat(info.status()).isEqualTo(ProcessStatus.RUNNING);
			assertThat(info.mailboxDepth()).isEqualTo(3);
			assertThat(info.messagesProcessed()).isZero();
		}
		finally {
			gate.open();
		}
	}

	@Test
	void handledMessagesAreCountedAndTheProcessGoesBackToWaiting() {
		Pid pid = this.runtime.spawn(() -> (message) -> {
		});

		for (int i = 0; i < 4; i++) {
			this.runtime.send(pid, i);
		}

		await().atMost(TestProbe.TIMEOUT).untilAsserted(() -> {
			ProcessInfo info = this.runtime.info(pid).orElseThrow();
			assertThat(info.messagesProcessed()).isEqualTo(4);
			assertThat(info.mailboxDepth()).isZero();
			assertThat(info.status()).isEqualTo(ProcessStatus.WAITING);
		});
	}

	@Test
	void linksAndTrapExitsAreReported() {
		TestProbe probe = TestProbe.spawnTrapping(this.runtime);
		Pid other = this.runtime.spawn(() -> (message) -> {
		});

		probe.link(other);

		ProcessInfo info = this.runtime.info(probe.pid()).orElseThrow();
		assertThat(info.trapsExits()).isTrue();
		assertThat(info.links()).containsExactly(other);
		assertThat(this.runtime.info(other).orElseThrow().links()).containsExactly(probe.pid());
	}

	@Test
	void anExitedProcessHasNoInfo() {
		Pid pid = this.runtime.spawn(() -> (message) -> {
		});

		this.runtime.exit(pid, ExitReason.KILL);

		assertThat(this.runtime.info(pid)).isEmpty();
		assertThat(this.runtime.isAlive(pid)).isFalse();
	}

}
