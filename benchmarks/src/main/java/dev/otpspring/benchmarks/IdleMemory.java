package dev.otpspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;

/**
 * Bytes of heap per idle counter GenServer: starts N counters, lets them go idle, and divides the
 * heap used after a full GC by N. A plain {@code main}, not JMH, because it measures space.
 * <p>
 * {@code java -cp benchmarks.jar dev.otpspring.benchmarks.IdleMemory [count]}
 */
public final class IdleMemory {

	private IdleMemory() {
	}

	public static void main(String[] args) throws Exception {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		try (OtpRuntime runtime = OtpRuntime.create()) {
			long before = usedHeapAfterGc();
			Pid[] counters = new Pid[count];
			for (int i = 0; i < count; i++) {
				counters[i] = GenServer.start(runtime, new Counter()).pid();
			}
			// One call to the last one started: by then each has finished init and holds no thread.
			GenServer.call(counters[count - 1], Counter.GET);
			long after = usedHeapAfterGc();
			long threads = Thread.getAllStackTraces().size();
			System.out.printf("%d idle GenServers alive (runtime counts %d); heap used %.1f MB -> %.1f MB; "
					+ "%.0f bytes per idle process (the Pid array adds 4-8 of them); %d platform threads%n", count,
					runtime.processCount(), before / 1e6, after / 1e6, (after - before) / (double) count, threads);
			System.out.println(counters[0] + " … " + counters[count - 1]);
		}
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200); // a measuring main, not a test: let the collector settle
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
