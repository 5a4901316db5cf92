package dev.otpspring.spring;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.supervisor.SupervisorEvent;
import dev.otpspring.supervisor.SupervisorEvent.Decision;
import dev.otpspring.supervisor.SupervisorRef;

import static org.assertj.core.api.Assertions.assertThat;

/** The event log behind {@code recentEvents}: bounded, newest first, and free of children that just finished. */
class SupervisorEventLogTest {

	private final OtpRuntime runtime = OtpRuntime.create();

	private final SupervisorEventLog log = new SupervisorEventLog(this.runtime, 3);

	private final SupervisorRef supervisor = new SupervisorRef("jobs", null);

	@AfterEach
	void close() throws Exception {
		this.log.close();
		this.runtime.close();
	}

	private SupervisorEvent.ChildExited exit(String child, ExitReason reason, Decision decision) {
		return new SupervisorEvent.ChildExited(this.supervisor, Instant.now(), child, null, reason, decision);
	}

	@Test
	void keepsTheNewestEventsFirstUpToItsCapacity() {
		for (String child : new String[] { "a", "b", "c", "d" }) {
			this.log.onEvent(exit(child, ExitReason.KILLED, Decision.RESTART));
		}
		assertThat(this.log.recent()).extracting((event) -> ((SupervisorEvent.ChildExited) event).childId())
			.containsExactly("d", "c", "b");
	}

	@Test
	void leavesOutChildrenThatFinishedNormallyAndAreNotRestarted() {
		this.log.onEvent(exit("done", ExitReason.NORMAL, Decision.REMOVE));
		this.log.onEvent(exit("stopped", ExitReason.SHUTDOWN, Decision.KEEP));
		this.log.onEvent(exit("crashed", ExitReason.KILLED, Decision.REMOVE));
		this.log.onEvent(exit("restarted", ExitReason.NORMAL, Decision.RESTART)); // a permanent child
		assertThat(this.log.recent()).extracting((event) -> ((SupervisorEvent.ChildExited) event).childId())
			.containsExactly("restarted", "crashed");
	}

}
