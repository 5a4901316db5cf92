package dev.otpspring.sample.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
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
		CompletableFuture<Pid> restarted = new CompletableFuture<>();
		try (AutoCloseable subscription = SupervisorEvents.of(this.runtime).subscribe((event) -> {
			if (event instanceof SupervisorEvent.ChildRestarted restart && name.equals(restart.childId())) {
				restarted.complete(restart.newPid());
			}
		})) {
			T done = crash.get();
			return new Restarted<>(done, await(restarted));
		}
		catch (Exception ex) { // closing the subscription
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable Pid await(CompletableFuture<Pid> restarted) throws ExecutionException {
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
