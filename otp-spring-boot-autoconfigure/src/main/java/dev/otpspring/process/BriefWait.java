package dev.otpspring.process;

import java.util.function.BooleanSupplier;

/**
 * The cheap first phase of waiting for another process: answers between processes usually come
 * within a microsecond, faster than parking and unparking a thread. So a waiter first spins while
 * the other process is running (it is on another carrier, the answer is near), then — being a
 * virtual thread — hands its carrier over a few times (the other process may be queued right
 * here); a platform thread, which holds no carrier, only spins. Bounded either way: a waiter
 * still waiting afterwards parks.
 */
public final class BriefWait {

	/** How long to spin while the other process runs: a few microseconds of PAUSE instructions. */
	private static final int SPINS = 200;

	/** How often a virtual thread yields its carrier. */
	private static final int YIELDS = 4;

	private BriefWait() {
	}

	/**
	 * Waits briefly for {@code done}.
	 * @param peerRunning whether the process that will make {@code done} true is running now
	 * @return whether it became true
	 */
	public static boolean until(BooleanSupplier done, BooleanSupplier peerRunning) {
		if (!Thread.currentThread().isVirtual()) {
			return spin(done, () -> true);
		}
		if (spin(done, peerRunning)) {
			return true;
		}
		for (int i = 0; i < YIELDS; i++) {
			Thread.yield();
			if (done.getAsBoolean()) {
				return true;
			}
		}
		return false;
	}

	private static boolean spin(BooleanSupplier done, BooleanSupplier worthIt) {
		for (int i = 0; i < SPINS && worthIt.getAsBoolean(); i++) {
			if (done.getAsBoolean()) {
				return true;
			}
			Thread.onSpinWait();
		}
		return done.getAsBoolean();
	}

}
