package dev.otpspring.benchmarks;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;

/**
 * Workload 5, our side: bytes of heap per idle counter GenServer. Starts N counters, lets them go
 * idle, and divides the growth of the heap used after a full GC by N. A plain {@code main}, not
 * JMH, because it measures space; {@code benchmarks/run.sh} runs it three times, each in its own
 * JVM with the same heap settings as {@link PekkoIdleMemory}.
 * <p>
 * {@code java -cp benchmarks.jar dev.otpspring.benchmarks.IdleMemory [count]}
 */
public final class IdleMemory {

	private IdleMemory() {
	}

	public static void main(String[] args) throws Exception {
		int count = Mains.intArg(args, 0, 1_000_000);
		try (OtpRuntime runtime = OtpRuntime.create()) {
			long before = Mains.usedHeapAfterGc();
			// Nothing in the runtime holds an unnamed idle process (there is no process table), so the
			// benchmark keeps the Pids: 4 bytes each with compressed references, counted in the result.
			Pid[] counters = new Pid[count];
			for (int i = 0; i < count; i++) {
				counters[i] = GenServer.start(runtime, new Counter()).pid();
			}
			// Each start waited for init; one call to the last one shows they are all idle now.
			GenServer.call(counters[count - 1], Counter.GET);
			long after = Mains.usedHeapAfterGc();
			long threads = Thread.getAllStackTraces().size();
			double perProcess = (after - before) / (double) count;
			System.out.printf("%d idle GenServers alive (runtime counts %d); heap used %.1f MB -> %.1f MB; "
					+ "%.0f bytes per idle process (the Pid array adds 4-8 of them); %d platform threads%n", count,
					runtime.processCount(), before / 1e6, after / 1e6, perProcess, threads);
			Mains.result("count", runtime.processCount());
			Mains.result("bytes_per_process", perProcess);
			System.out.println(counters[0] + " … " + counters[count - 1]);
		}
	}

}
