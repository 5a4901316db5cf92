package dev.otpspring.process;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An idle process holds no thread, virtual or platform. Checked with a JSON thread dump, which
 * unlike {@link Thread#getAllStackTraces()} also lists virtual threads.
 */
class IdleProcessTest {

	private static final int PROCESSES = 10_000;

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	@Test
	void tenThousandIdleProcessesHoldNoThreads() {
		long before = this.runtime.processCount();
		int platformThreadsBefore = Thread.getAllStackTraces().size();
		List<Pid> pids = new ArrayList<>();

		for (int i = 0; i < PROCESSES; i++) {
			pids.add(this.runtime.spawn(() -> (message) -> {
			}));
		}

		assertThat(this.runtime.processCount()).isEqualTo(before + PROCESSES);
		await().atMost(TestProbe.TIMEOUT).until(() -> pids.stream()
			.allMatch((pid) -> this.runtime.info(pid).orElseThrow().status() == ProcessStatus.WAITING));
		// A few runners may still be returning; a thread per process would be thousands.
		await().atMost(TestProbe.TIMEOUT)
			.untilAsserted(() -> assertThat(Threads.named(Threads.PROCESS_THREAD)).isLessThan(50));
		assertThat(Thread.getAllStackTraces().size()).isLessThan(platformThreadsBefore + 50);
	}

	/** Shows that the measurements here and elsewhere would see a process's thread if there were one. */
	@Test
	void theThreadDumpListsTheThreadOfABusyProcess() {
		Gate gate = new Gate();
		Pid pid = this.runtime.spawn(() -> (message) -> gate.pass());
		try {
			this.runtime.send(pid, "block");
			gate.awaitEntered();

			assertThat(this.runtime.info(pid).orElseThrow().status()).isEqualTo(ProcessStatus.RUNNING);
			assertThat(Threads.ids(Threads.PROCESS_THREAD)).contains(gate.holder().threadId());
		}
		finally {
			gate.open();
		}
	}

}
