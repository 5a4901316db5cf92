package dev.otpspring.sample.infosys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import dev.otpspring.genserver.CallTimeoutException;
import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.GenServerOptions;
import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.Pid;
import dev.otpspring.supervisor.ChildSpec;
import dev.otpspring.supervisor.DynamicSupervisor;
import dev.otpspring.supervisor.RestartType;
import dev.otpspring.supervisor.Shutdown;

/**
 * Searches every {@link Backend} at once and collects what comes back in time — Programming
 * Phoenix's InfoSys (chapter 11), on OTP for Spring Boot.
 * <ol>
 * <li><b>Fan out.</b> For each backend, start a {@link BackendQuery} worker under the
 * {@code infosys} dynamic supervisor (declared in {@code application.yaml}). The workers are
 * <em>temporary</em>: a crashed one is not restarted — a retry would come too late anyway.</li>
 * <li><b>Collect until the deadline.</b> Ask every worker at once for its answers — one call per
 * worker, each on its own virtual thread, each with the time left as its timeout — and take what
 * came back.</li>
 * <li><b>Stop the stragglers.</b> A worker that misses the deadline is terminated (brutal kill);
 * if it answers after all, the late reply is dropped, as in OTP.</li>
 * </ol>
 * A crashing backend costs the caller nothing but that backend's answers: the worker is not
 * linked to the caller, and the call fails at once with {@link ProcessExitException} instead of
 * waiting for the timeout.
 */
@Service
public class InfoSys {

	private final DynamicSupervisor supervisor;

	private final List<Backend> backends;

	private final AtomicLong searches = new AtomicLong();

	InfoSys(@Qualifier("infosys") DynamicSupervisor supervisor, List<Backend> backends) {
		this.supervisor = supervisor;
		this.backends = List.copyOf(backends);
	}

	/** Searches all backends for {@code query}, waiting at most {@code timeout} for their answers. */
	public SearchResult search(String query, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long search = this.searches.incrementAndGet();
		List<Callable<Collected>> calls = new ArrayList<>();
		for (Backend backend : this.backends) {
			StartResult worker = start(backend, query, search);
			calls.add(() -> collect(backend, worker, deadline, timeout));
		}
		List<Answer> answers = new ArrayList<>();
		List<BackendReport> reports = new ArrayList<>();
		for (Collected collected : callAll(calls)) {
			answers.addAll(collected.answers());
			reports.add(collected.report());
		}
		answers.sort(Comparator.comparingInt(Answer::score).reversed());
		return new SearchResult(query, answers, reports);
	}

	/** Runs the calls side by side: blocking a virtual thread per call costs next to nothing. */
	private static List<Collected> callAll(List<Callable<Collected>> calls) {
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Collected> collected = new ArrayList<>();
			for (Future<Collected> call : executor.invokeAll(calls)) {
				collected.add(call.get()); // each call ends by the deadline: its timeout is the time left
			}
			return collected;
		}
		catch (ExecutionException ex) { // not a backend failure (those are reports), but e.g. infosys itself down
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while collecting search results", ex);
		}
	}

	private StartResult start(Backend backend, String query, long search) {
		// A readable registered name, so a worker shows as "encyclopedia-7" in the supervision tree.
		String name = backend.name() + "-" + search;
		return this.supervisor.startChild(ChildSpec
			.worker(name, () -> GenServer.startLink(new BackendQuery(backend, query), GenServerOptions.named(name)))
			.withRestart(RestartType.TEMPORARY)
			.withShutdown(Shutdown.BRUTAL_KILL));
	}

	@SuppressWarnings("unchecked")
	private Collected collect(Backend backend, StartResult worker, long deadline, Duration timeout) {
		if (!(worker instanceof StartResult.Ok(Pid pid))) {
			return Collected.nothing(BackendReport.crashed(backend.name(), "could not start: " + worker));
		}
		Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
		try {
			List<Answer> found = (List<Answer>) GenServer.call(pid, new BackendQuery.Fetch(), left);
			return new Collected(BackendReport.answered(backend.name(), found.size()), found);
		}
		catch (CallTimeoutException ex) {
			this.supervisor.terminateChild(pid);
			return Collected.nothing(BackendReport.timedOut(backend.name(),
					"no answer within " + timeout.toMillis() + " ms; its worker was stopped"));
		}
		catch (ProcessExitException ex) {
			return Collected.nothing(BackendReport.crashed(backend.name(), "its worker exited: " + ex.reason()));
		}
		catch (NoProcessException ex) {
			return Collected.nothing(BackendReport.crashed(backend.name(),
					"its worker crashed before it was asked; the log has its crash report"));
		}
	}

	/** What one worker contributed to a search. */
	private record Collected(BackendReport report, List<Answer> answers) {

		static Collected nothing(BackendReport report) {
			return new Collected(report, List.of());
		}

	}

}
