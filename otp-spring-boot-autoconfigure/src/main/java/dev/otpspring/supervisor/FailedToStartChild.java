package dev.otpspring.supervisor;

import dev.otpspring.process.ExitReason;

/**
 * Why a supervisor failed to start: {@code {failed_to_start_child, Id, Reason}}, wrapped in
 * {@code {shutdown, …}} (R6.4).
 *
 * @param childId the child that failed
 * @param reason why it failed
 */
public record FailedToStartChild(Object childId, ExitReason reason) {

	@Override
	public String toString() {
		return "{failed_to_start_child, " + this.childId + ", " + this.reason + "}";
	}

}
