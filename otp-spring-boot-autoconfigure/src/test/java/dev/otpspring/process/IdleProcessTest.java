package dev.otpspring.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An idle process holds no thread, virtual or platform. Checked with a JSON thread dump, which
 * unlike {@link Thread#getAllStackTraces()} also lists virtual threads.
 */
class IdleProcessTest {

	private static final int PROCESSES = 10_000;

	private static final Pattern PROCESS_THREAD = Pattern.compile("\"name\": \"otp-process\"");

	private final OtpRuntime runtime = OtpRuntime.create();

	@TempDir
	Path dumps;

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
		await().atMost(TestProbe.TIMEOUT).untilAsserted(() -> assertThat(processThreads()).isLessThan(50));
		assertThat(Thread.getAllStackTraces().size()).isLessThan(platformThreadsBefore + 50);
	}

	/** Shows that the measurement above would see a process's thread if there were one. */
	@Test
	void theThreadDumpListsTheThreadOfABusyProcess() {
		Gate gate = new Gate();
		Pid pid = this.runtime.spawn(() -> (message) -> gate.pass());
		try {
			this.runtime.send(pid, "block");
			gate.awaitEntered();

			assertThat(this.runtime.info(pid).orElseThrow().status()).isEqualTo(ProcessStatus.RUNNING);
			assertThat(threadDump()).contains("\"tid\": \"" + gate.holder().threadId() + "\"");
		}
		finally {
			gate.open();
		}
	}

	private int processThreads() {
		Matcher matcher = PROCESS_THREAD.matcher(threadDump());
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private String threadDump() {
		try {
			Path file = Files.createTempFile(this.dumps, "threads", ".json");
			Files.delete(file); // dumpThreads refuses to overwrite
			ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
				.dumpThreads(file.toString(), ThreadDumpFormat.JSON);
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
