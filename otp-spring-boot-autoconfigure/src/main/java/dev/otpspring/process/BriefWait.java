package dev.otpspring.process;

import java.util.function.BooleanSupplier;

/**
 * The cheap first phase of waiting for another process: answers between processes usually come
 * within a microsecond, faster than parking and unparking a thread. A virtual thread hands its
 * carrier over a few times (the other process often runs right there and answers); a platform
 * thread, which holds no carrier, spins for a few microseconds. Bounded either way: a caller
 * still waiting afterwards parks.
 */
public final class BriefWait {

	/** How often a virtual thread yields. */
	private static final int YIELDS = 4;

	/** How long a platform thread spins: a few microseconds of PAUSE instructions. */
	private static final int SPINS = 200;

	private BriefWait() {
	}

	/**
	 * Waits briefly for {@code done}.
	 * @return whether it became true
	 */
	public static boolean until(BooleanSupplier done) {
		if (Thread.currentThread().isVirtual()) {
			for (int i = 0; i < YIELDS; i++) {
				if (done.getAsBoolean()) {
					return true;
				}
				Thread.yield();
			}
		}
		else {
			for (int i = 0; i < SPINS; i++) {
				if (done.getAsBoolean()) {
					return true;
				}
				Thread.onSpinWait();
			}
		}
		return done.getAsBoolean();
	}

}
