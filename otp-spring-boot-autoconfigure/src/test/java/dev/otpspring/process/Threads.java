package dev.otpspring.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat;

/**
 * Counts threads for leak checks: plain platform threads by identity, and threads of any kind by
 * name through a JSON thread dump, which unlike {@link Thread#getAllStackTraces()} also lists
 * virtual threads — the ones processes run on.
 */
public final class Threads {

	/** The name of the virtual threads that run processes. */
	public static final String PROCESS_THREAD = "otp-process";

	private Threads() {
	}

	/**
	 * Plain platform threads: what the runtime, an executor or a test client would create. The
	 * JDK's virtual-thread machinery (carriers, the unblocker, the delay scheduler) runs on
	 * threads of its own classes, created lazily on first need, and is left out.
	 */
	public static Set<Thread> platformThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getClass() == Thread.class)
			.collect(Collectors.toSet());
	}

	/** How many live threads, virtual ones included, are called {@code name}. */
	public static int named(String name) {
		Matcher matcher = Pattern.compile("\"name\": \"" + Pattern.quote(name) + "\"").matcher(dump());
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	/**
	 * The ids of the live threads, virtual ones included, called {@code name}. Other tests of the
	 * same JVM may leave such threads behind for a while: compare these sets, not counts with zero.
	 */
	public static Set<Long> ids(String name) {
		Matcher matcher = Pattern.compile("\"tid\": \"(\\d+)\",[^\\[\\]{}]*?\"name\": \"" + Pattern.quote(name) + "\"")
			.matcher(dump());
		Set<Long> ids = new HashSet<>();
		while (matcher.find()) {
			ids.add(Long.parseLong(matcher.group(1)));
		}
		return ids;
	}

	/** A JSON dump of every live thread, virtual threads included. */
	public static String dump() {
		try {
			Path file = Files.createTempFile("threads", ".json");
			try {
				Files.delete(file); // dumpThreads refuses to overwrite
				ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
					.dumpThreads(file.toString(), ThreadDumpFormat.JSON);
				return Files.readString(file);
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
