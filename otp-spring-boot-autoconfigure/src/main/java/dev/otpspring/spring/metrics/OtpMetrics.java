package dev.otpspring.spring.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.process.OtpException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessInfo;
import dev.otpspring.spring.OtpSupervisionTree;
import dev.otpspring.spring.TreePlan;
import dev.otpspring.supervisor.ChildInfo;
import dev.otpspring.supervisor.DynamicSupervisor;
import dev.otpspring.supervisor.SupervisorEvent;
import dev.otpspring.supervisor.SupervisorEvents;

/**
 * Micrometer meters for the runtime and the tree, native and agent-free since the runtime owns
 * the mailboxes. Tags stay low in cardinality: {@code supervisor}, and {@code process} only for
 * named processes declared in the tree; dynamic children are aggregated per supervisor. The
 * per-process meters are added when the tree starts and removed when it stops.
 */
public class OtpMetrics implements SmartLifecycle {

	private static final Duration SUPERVISOR_TIMEOUT = Duration.ofSeconds(1);

	private final MeterRegistry registry;

	private final OtpRuntime runtime;

	private final OtpSupervisionTree tree;

	private final List<Meter> meters = new ArrayList<>();

	private final Map<String, Counter> restarts = new ConcurrentHashMap<>();

	private final Map<String, Counter> shutdowns = new ConcurrentHashMap<>();

	private @Nullable OtpCallTimers callTimers;

	private final List<AutoCloseable> subscriptions = new ArrayList<>();

	private volatile Map<String, String> declared = Map.of();

	private volatile boolean running;

	public OtpMetrics(MeterRegistry registry, OtpRuntime runtime, OtpSupervisionTree tree) {
		this.registry = registry;
		this.runtime = runtime;
		this.tree = tree;
	}

	@Override
	public void start() {
		TreePlan plan = this.tree.plan();
		this.declared = plan.parents();
		add(Gauge.builder(OtpMetricNames.PROCESSES, this.runtime, OtpRuntime::processCount)
			.description("Processes alive")
			.register(this.registry));
		add(FunctionCounter.builder(OtpMetricNames.MESSAGES, this.runtime, OtpRuntime::messageCount)
			.description("Messages handled by all processes")
			.register(this.registry));
		add(FunctionCounter.builder(OtpMetricNames.DEAD_LETTERS, this.runtime, OtpRuntime::deadLetterCount)
			.description("Messages sent to processes that had exited")
			.register(this.registry));
		plan.parents().forEach((name, supervisor) -> {
			restartCounter(supervisor, name);
			if (!plan.supervisors().contains(name)) {
				add(Gauge.builder(OtpMetricNames.MAILBOX_DEPTH, () -> mailboxDepth(name))
					.tags(Tags.of("supervisor", supervisor, "process", name))
					.description("Messages waiting in the mailbox")
					.register(this.registry));
			}
		});
		for (String supervisor : plan.dynamicSupervisors()) {
			add(Gauge.builder(OtpMetricNames.MAILBOX_DEPTH, () -> deepestChildMailbox(supervisor))
				.tags(Tags.of("supervisor", supervisor, "process", "children"))
				.description("Messages waiting in the deepest mailbox among the dynamic supervisor's children")
				.register(this.registry));
		}
		plan.supervisors().forEach(this::shutdownCounter);
		this.subscriptions.add(SupervisorEvents.of(this.runtime).subscribe(this::onEvent));
		this.callTimers = new OtpCallTimers(this.registry, this.declared::containsKey);
		this.subscriptions.add(GenServer.observeCalls(this.runtime, this.callTimers));
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		for (AutoCloseable subscription : this.subscriptions) {
			try {
				subscription.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		this.subscriptions.clear();
		this.meters.forEach(this.registry::remove);
		this.meters.clear();
		this.restarts.values().forEach(this.registry::remove);
		this.shutdowns.values().forEach(this.registry::remove);
		if (this.callTimers != null) {
			this.callTimers.remove();
		}
		this.restarts.clear();
		this.shutdowns.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Starts after the tree and stops before it, so every meter has a tree to read. */
	@Override
	public int getPhase() {
		return OtpSupervisionTree.PHASE + 1;
	}

	private void onEvent(SupervisorEvent event) {
		String supervisor = String.valueOf(event.supervisor().name());
		switch (event) {
			case SupervisorEvent.ChildRestarted restarted -> restartCounter(supervisor, processTag(restarted.childId()))
				.increment();
			case SupervisorEvent.GaveUp gaveUp -> shutdownCounter(supervisor).increment();
			default -> {
			}
		}
	}

	private Counter restartCounter(String supervisor, String process) {
		return this.restarts.computeIfAbsent(supervisor + "/" + process, (key) -> Counter.builder(OtpMetricNames.PROCESS_RESTARTS)
			.tags(Tags.of("supervisor", supervisor, "process", process))
			.description("Restarts of a child by its supervisor")
			.register(this.registry));
	}

	private Counter shutdownCounter(String supervisor) {
		return this.shutdowns.computeIfAbsent(supervisor, (key) -> Counter.builder(OtpMetricNames.SUPERVISOR_SHUTDOWNS)
			.tags(Tags.of("supervisor", supervisor))
			.description("Times the supervisor gave up after exceeding its restart intensity")
			.register(this.registry));
	}

	private String processTag(Object childId) {
		return (childId instanceof String name && this.declared.containsKey(name)) ? name : "dynamic";
	}

	private double mailboxDepth(String name) {
		Pid pid = this.runtime.whereis(name);
		return (pid != null) ? this.runtime.info(pid).map(ProcessInfo::mailboxDepth).orElse(0) : 0;
	}

	private double deepestChildMailbox(String supervisor) {
		try {
			return DynamicSupervisor.of(this.runtime.named(supervisor))
				.info(SUPERVISOR_TIMEOUT)
				.children()
				.stream()
				.map(ChildInfo::pid)
				.filter(Objects::nonNull)
				.mapToInt((pid) -> this.runtime.info(pid).map(ProcessInfo::mailboxDepth).orElse(0))
				.max()
				.orElse(0);
		}
		catch (OtpException ex) {
			return Double.NaN; // restarting or too busy to answer now
		}
	}

	private void add(Meter meter) {
		this.meters.add(meter);
	}

}
