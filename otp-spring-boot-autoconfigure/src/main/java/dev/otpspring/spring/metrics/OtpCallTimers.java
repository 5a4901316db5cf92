package dev.otpspring.spring.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import dev.otpspring.genserver.CallObserver;
import dev.otpspring.genserver.CallTimeoutException;
import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.process.ProcessRef;
import dev.otpspring.process.RegisteredName;

/**
 * Times every {@code GenServer.call} into {@value OtpMetricNames#CALL_DURATION}, tagged with the
 * outcome and — only for processes declared by name in the tree, to keep cardinality low — the
 * process; every other call is tagged {@code process=other}. Register it with
 * {@code GenServer.observeCalls(runtime, timers)}.
 * <p>
 * Each is a real {@link Timer}, so the usual distribution settings apply, for example
 * {@code management.metrics.distribution.percentiles-histogram.otp.call.duration=true}. A call
 * costs well under a microsecond, so the hot path is one map lookup to a cached timer.
 */
public final class OtpCallTimers implements CallObserver {

	private static final String OTHER = "other";

	private final MeterRegistry registry;

	private final Predicate<String> declared;

	/** Calls that got a reply, by process tag (a declared name, or "other"): the hot path. */
	private final Map<Object, Timer> replies = new ConcurrentHashMap<>();

	private final Map<String, Timer> failures = new ConcurrentHashMap<>();

	private final List<Timer> timers = new CopyOnWriteArrayList<>();

	/**
	 * @param registry where the timers go
	 * @param declared which process names may appear as a {@code process} tag
	 */
	public OtpCallTimers(MeterRegistry registry, Predicate<String> declared) {
		this.registry = registry;
		this.declared = declared;
	}

	@Override
	public void callCompleted(ProcessRef server, Object request, long durationNanos,
			@Nullable RuntimeException failure) {
		Timer timer = (failure == null) ? replies(server)
				: failures(processTag(server) + "/" + outcome(failure), processTag(server), outcome(failure));
		timer.record(durationNanos, TimeUnit.NANOSECONDS);
	}

	/** The hot path: one map lookup for a declared name, two for anything else. */
	private Timer replies(ProcessRef server) {
		Object name = (server instanceof RegisteredName named) ? named.name() : null;
		Timer timer = (name != null) ? this.replies.get(name) : null;
		if (timer != null) {
			return timer;
		}
		String process = processTag(server);
		return this.replies.computeIfAbsent(process, (key) -> register(process, "reply"));
	}

	private Timer failures(String key, String process, String outcome) {
		return this.failures.computeIfAbsent(key, (ignored) -> register(process, outcome));
	}

	private String processTag(ProcessRef server) {
		return (server instanceof RegisteredName named && named.name() instanceof String name && this.declared.test(name))
				? name : OTHER;
	}

	private static String outcome(RuntimeException failure) {
		return switch (failure) {
			case CallTimeoutException timeout -> "timeout";
			case ProcessExitException exit -> "exit";
			case NoProcessException noProcess -> "noproc";
			default -> "error";
		};
	}

	private Timer register(String process, String outcome) {
		Timer timer = Timer.builder(OtpMetricNames.CALL_DURATION)
			.tags(Tags.of("process", process, "outcome", outcome))
			.description("Duration of GenServer calls, from send to reply")
			.register(this.registry);
		this.timers.add(timer);
		return timer;
	}

	/** Removes the timers from the registry. */
	public void remove() {
		this.timers.forEach(this.registry::remove);
		this.timers.clear();
		this.replies.clear();
		this.failures.clear();
	}

}
