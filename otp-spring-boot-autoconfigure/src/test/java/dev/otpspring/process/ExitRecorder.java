package dev.otpspring.process;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Records the exit reason of a process watched <em>before</em> the test makes it exit, so a
 * fast exit cannot turn into {@code noproc}.
 */
public final class ExitRecorder {

	private final CompletableFuture<ExitReason> reason = new CompletableFuture<>();

	private ExitRecorder() {
	}

	public static ExitRecorder watch(Pid pid) {
		ExitRecorder recorder = new ExitRecorder();
		pid.runtime().watch(pid, (exited, reason) -> recorder.reason.complete(reason));
		return recorder;
	}

	/** The exit reason, waiting up to {@link TestProbe#TIMEOUT} for the exit. */
	public ExitReason reason() {
		try {
			return this.reason.get(TestProbe.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new AssertionError("The watched process did not exit within " + TestProbe.TIMEOUT, ex);
		}
	}

	/** Whether the process has exited by now. */
	public boolean hasExited() {
		return this.reason.isDone();
	}

}
