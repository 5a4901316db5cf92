package dev.otpspring.spring;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.supervisor.Supervisor;
import dev.otpspring.supervisor.SupervisorEvent;
import dev.otpspring.supervisor.SupervisorEvents;

/**
 * The application's supervision tree, started and stopped with the application context.
 * <p>
 * The tree is validated when the context refreshes, starts in {@link #PHASE} — before the web
 * server takes traffic — and stops in reverse order after the web server has stopped, within
 * Spring's graceful-shutdown timeout. If the root supervisor gives up, the application is broken:
 * the tree publishes {@link LivenessState#BROKEN} so an orchestrator restarts it, calls to its
 * processes fail with {@link SupervisionTreeDownException}, and — unless
 * {@code otp.root.on-give-up=keep-running} — the application context is closed, as OTP stops the
 * node when a permanent application's root supervisor exits.
 */
public class OtpSupervisionTree implements SmartLifecycle, SmartInitializingSingleton, ApplicationContextAware {

	/** Starts before the web server (whose phase is {@code DEFAULT_PHASE - 2048}) and stops after it. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(OtpSupervisionTree.class);

	private final OtpRuntime runtime;

	private final Supplier<TreePlan> planner;

	private final ApplicationEventPublisher publisher;

	private final Set<String> gaveUp = Collections.synchronizedSet(new LinkedHashSet<>());

	private volatile @Nullable TreePlan plan;

	private volatile State state = State.NEW;

	private volatile @Nullable Pid root;

	private final OnGiveUp onGiveUp;

	private @Nullable ConfigurableApplicationContext context;

	/** Set once, when the root exits unexpectedly: the exception every call gets from then on. */
	private volatile @Nullable Down down;

	/** What the application does when the root supervisor gives up ({@code otp.root.on-give-up}). */
	public enum OnGiveUp {

		/** Close the application context, as OTP stops the node when a permanent application's root exits. */
		STOP_APPLICATION,

		/** Stay up with health and liveness DOWN; calls fail with {@link SupervisionTreeDownException}. */
		KEEP_RUNNING

	}

	private record Down(Pid root, ExitReason reason, Instant since) {
	}

	/** Where the tree is in its life. */
	public enum State {

		/** Not started yet. */
		NEW,

		/** Starting its children. */
		STARTING,

		/** Running. */
		RUNNING,

		/** The root supervisor gave up (or exited unexpectedly): the application is broken. */
		BROKEN,

		/** Stopping or stopped with the application context. */
		STOPPED

	}

	/**
	 * @param runtime the runtime to start the tree in
	 * @param planner validates the declarations and plans the tree; called once, when the context
	 * has created its singletons
	 * @param publisher where to publish {@link LivenessState#BROKEN}
	 */
	public OtpSupervisionTree(OtpRuntime runtime, Supplier<TreePlan> planner, ApplicationEventPublisher publisher) {
		this(runtime, planner, publisher, OnGiveUp.STOP_APPLICATION);
	}

	/**
	 * @param runtime the runtime to start the tree in
	 * @param planner validates the declarations and plans the tree
	 * @param publisher where to publish {@link LivenessState#BROKEN}
	 * @param onGiveUp what the application does when the root supervisor gives up
	 */
	public OtpSupervisionTree(OtpRuntime runtime, Supplier<TreePlan> planner, ApplicationEventPublisher publisher,
			OnGiveUp onGiveUp) {
		this.runtime = Objects.requireNonNull(runtime, "runtime must not be null");
		this.planner = Objects.requireNonNull(planner, "planner must not be null");
		this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
		this.onGiveUp = Objects.requireNonNull(onGiveUp, "onGiveUp must not be null");
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		if (applicationContext instanceof ConfigurableApplicationContext configurable) {
			this.context = configurable;
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.plan = this.planner.get(); // validation: a bad tree fails the refresh here, before anything starts
		SupervisorEvents.of(this.runtime).subscribe(this::onSupervisorEvent);
	}

	@Override
	public void start() {
		TreePlan tree = plan();
		this.state = State.STARTING;
		StartResult result = Supervisor.start(this.runtime, tree.root());
		if (!(result instanceof StartResult.Ok ok)) {
			this.state = State.STOPPED;
			throw new OtpTreeStartException(
					(result instanceof StartResult.Error error) ? error.reason() : ExitReason.of("ignore"));
		}
		this.root = ok.pid();
		this.runtime.watch(this.root, (pid, reason) -> onRootExit(reason));
		if (this.state == State.STARTING) {
			this.state = State.RUNNING;
		}
		logger.info("OTP supervision tree started: {} supervisors, root {}", tree.supervisors().size(), this.root);
	}

	@Override
	public void stop() {
		Pid pid = this.root;
		this.state = State.STOPPED;
		if (pid != null && this.runtime.isAlive(pid)) {
			try {
				Supervisor.of(pid).stop(); // children in reverse order, each within its shutdown (R7.1)
			}
			catch (RuntimeException ex) {
				logger.warn("The root supervisor {} did not stop cleanly: {}", pid, ex.getMessage());
			}
		}
	}

	/**
	 * Stops the tree on a virtual thread, so Spring's lifecycle processor can bound the wait with
	 * {@code spring.lifecycle.timeout-per-shutdown-phase}.
	 */
	@Override
	public void stop(Runnable callback) {
		Thread.ofVirtual().name("otp-tree-stop").start(() -> {
			try {
				stop();
			}
			finally {
				callback.run();
			}
		});
	}

	@Override
	public boolean isRunning() {
		return this.state == State.RUNNING || this.state == State.STARTING || this.state == State.BROKEN;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** Where the tree is in its life. */
	public State state() {
		return this.state;
	}

	/** The root supervisor's Pid, or {@code null} before start. */
	public @Nullable Pid root() {
		return this.root;
	}

	/** The validated plan; available once the context has created its singletons. */
	public TreePlan plan() {
		TreePlan current = this.plan;
		if (current == null) {
			throw new IllegalStateException("The OTP supervision tree has not been planned yet");
		}
		return current;
	}

	/** The critical supervisors that have given up since start; non-empty means health is DOWN. */
	public Set<String> gaveUp() {
		synchronized (this.gaveUp) {
			return Set.copyOf(this.gaveUp);
		}
	}

	/**
	 * Throws a clear error if processes of the tree cannot be called now: before the tree starts
	 * (from a constructor or {@code @PostConstruct}) or after it stopped.
	 * @param process the process about to be called, for the message
	 */
	public void checkCallable(String process) {
		State current = this.state;
		if (current == State.NEW) {
			throw new IllegalStateException("Cannot call '" + process + "': the OTP supervision tree has not started yet. "
					+ "It starts with the application context, before the web server; do not call processes from "
					+ "constructors or @PostConstruct methods of ordinary beans (use @OnInit, or an ApplicationReadyEvent listener)");
		}
		Down gone = this.down;
		if (gone != null) {
			throw new SupervisionTreeDownException(process, gone.root(), gone.reason(), gone.since(), this.onGiveUp);
		}
		if (current == State.STOPPED) {
			throw new IllegalStateException("Cannot call '" + process + "': the OTP supervision tree has stopped");
		}
	}

	private void onSupervisorEvent(SupervisorEvent event) {
		if (event instanceof SupervisorEvent.GaveUp && event.supervisor().name() instanceof String name
				&& this.plan.criticalSupervisors().contains(name)) {
			this.gaveUp.add(name);
		}
	}

	private void onRootExit(ExitReason reason) {
		if (this.state == State.STOPPED) {
			return;
		}
		Pid exited = Objects.requireNonNull(this.root);
		this.down = new Down(exited, reason, Instant.now());
		this.state = State.BROKEN;
		this.gaveUp.add(String.valueOf(plan().root().name()));
		AvailabilityChangeEvent.publish(this.publisher, this, LivenessState.BROKEN);
		ConfigurableApplicationContext application = this.context;
		if (this.onGiveUp == OnGiveUp.KEEP_RUNNING || application == null) {
			logger.error("The root supervisor {} exited with {}: the supervision tree is down. Liveness is BROKEN and "
					+ "calls fail; the application keeps running (otp.root.on-give-up=keep-running)", exited, reason);
			return;
		}
		logger.error("The root supervisor {} exited with {}: the supervision tree is down. Liveness is BROKEN; "
				+ "stopping the application, as OTP stops the node (otp.root.on-give-up=stop-application)", exited, reason);
		// Not on this thread: it belongs to the runtime, and closing the context waits for the runtime's tree.
		Thread.ofPlatform().name("otp-root-gave-up").start(() -> SpringApplication.exit(application, () -> 1));
	}

}
