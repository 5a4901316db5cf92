package dev.otpspring.reliability;

import java.lang.management.ManagementFactory;

import dev.otpspring.process.OtpRuntime;

/**
 * What a runtime holds that a leak would grow: live processes, registered names, pending timers.
 * Equal footprints before and after a workload mean it left none of them behind.
 */
record Footprint(long processes, int names, int timers) {

	static Footprint of(OtpRuntime runtime) {
		return new Footprint(runtime.processCount(), runtime.registeredNames().size(), runtime.timerCount());
	}

	/** Heap in use after a few full collections, in bytes: only comparable with a generous margin. */
	static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	@Override
	public String toString() {
		return this.processes + " processes, " + this.names + " names, " + this.timers + " timers";
	}

}
