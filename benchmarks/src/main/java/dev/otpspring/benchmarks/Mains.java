package dev.otpspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the plain (non-JMH) mains share: heap measurement, latency percentiles, and the
 * {@code RESULT name value} lines that {@link ResultsReport} reads from their output.
 */
final class Mains {

	private Mains() {
	}

	/** Heap in use after a few full collections, in bytes. */
	static long usedHeapAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200); // a measuring main, not a test: let the collector settle
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	/** Prints one machine-readable result line. */
	static void result(String name, double value) {
		System.out.println(String.format(Locale.ROOT, "RESULT %s %.3f", name, value));
	}

	/** Prints median, p99, mean and max of {@code nanos} in microseconds, as result lines. */
	static void latencies(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
		double median = percentile(sorted, 50) / 1e3;
		double p99 = percentile(sorted, 99) / 1e3;
		System.out.printf(Locale.ROOT, "%s: %d samples; median %.1f us, p99 %.1f us, mean %.1f us, max %.1f us%n", what,
				sorted.length, median, p99, mean / 1e3, sorted[sorted.length - 1] / 1e3);
		result("samples", sorted.length);
		result("median_us", median);
		result("p99_us", p99);
		result("mean_us", mean / 1e3);
		result("max_us", sorted[sorted.length - 1] / 1e3);
	}

	/** The nearest-rank percentile of sorted values. */
	static long percentile(long[] sorted, double percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static int intArg(String[] args, int index, int fallback) {
		return (args.length > index) ? Integer.parseInt(args[index].replace("_", "")) : fallback;
	}

	/** A body that may throw, for {@link #onDriverThread}. */
	@FunctionalInterface
	interface Body {

		void run() throws Exception;

	}

	/**
	 * Runs a measuring loop on the driver thread chosen by {@code -Dbench.driver}: {@code platform}
	 * (the default: the main thread) or {@code virtual} (a virtual thread, as a Spring MVC handler
	 * runs with {@code spring.threads.virtual.enabled=true}). Both sides of a workload use the same.
	 */
	static void onDriverThread(Body body) throws Exception {
		if (!"virtual".equals(System.getProperty("bench.driver", "platform"))) {
			body.run();
			return;
		}
		Exception[] failure = new Exception[1];
		Thread driver = Thread.ofVirtual().name("driver").start(() -> {
			try {
				body.run();
			}
			catch (Exception ex) {
				failure[0] = ex;
			}
		});
		driver.join();
		if (failure[0] != null) {
			throw failure[0];
		}
	}

}
