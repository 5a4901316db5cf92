package dev.otpspring.sample.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.supervisor.Supervisor;
import dev.otpspring.supervisor.SupervisorEvent;
import dev.otpspring.supervisor.SupervisorEvents;

/**
 * Crashes a process and waits until its supervisor has restarted it, so that an HTTP client's
 * next request finds the new process (a crash answered at once would race the restart).
 */
@Component
public class Restarts {

	/** Longer than any restart takes; a supervisor that gave up never restarts. */
	private static final Duration PATIENCE = Duration.ofSeconds(5);

	private final OtpRuntime runtime;

	Restarts(OtpRuntime runtime) {
		this.runtime = runtime;
	}

	/**
	 * Runs {@code crash} and waits for the restart of the child {@code name}.
	 * @return what {@code crash} said it did, and the new Pid ({@code null} if no restart came
	 * within a few seconds)
	 */
	public <T> Restarted<T> crashAndAwaitRestart(String name, Supplier<T> crash) {
		CompletableFuture<SupervisorEvent.@Nullable ChildRestarted> restarted = new CompletableFuture<>();
		try (AutoCloseable subscription = SupervisorEvents.of(this.runtime).subscribe((event) -> {
			switch (event) {
				case SupervisorEvent.ChildRestarted restart when name.equals(restart.childId()) -> restarted.complete(restart);
				case SupervisorEvent.ChildExited exit when name.equals(exit.childId())
						&& exit.decision() != SupervisorEvent.Decision.RESTART -> restarted.complete(null);
				case SupervisorEvent.GaveUp gaveUp -> restarted.complete(null); // no restart is coming
				default -> {
				}
			}
		})) {
			T done = crash.get();
			SupervisorEvent.ChildRestarted restart = await(restarted);
			if (restart == null) {
				return new Restarted<>(done, null);
			}
			// Siblings taken along (one_for_all, rest_for_one) restart in the same step: a call to the
			// supervisor is answered after that step, so they are back too.
			try {
				Supervisor.of(restart.supervisor().pid()).countChildren();
			}
			catch (NoProcessException | ProcessExitException ex) {
				// the supervisor itself went away meanwhile: its parent's restart is another story
			}
			return new Restarted<>(done, restart.newPid());
		}
		catch (Exception ex) { // closing the subscription
			throw new IllegalStateException(ex);
		}
	}

	private static SupervisorEvent.@Nullable ChildRestarted await(
			CompletableFuture<SupervisorEvent.@Nullable ChildRestarted> restarted) throws ExecutionException {
		try {
			return restarted.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * A crash and what came of it.
	 * @param crash what the crash did
	 * @param newPid the restarted process, or {@code null} if it was not restarted in time
	 */
	public record Restarted<T>(T crash, @Nullable Pid newPid) {
	}

}
