package dev.otpspring.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.otpspring.process.MailboxLimits;
import dev.otpspring.spring.OtpSupervisionTree;
import dev.otpspring.supervisor.RestartType;

/**
 * Configuration of the OTP runtime and of the supervision tree.
 *
 * <pre>
 * otp:
 *   supervisors:
 *     root:     { strategy: one-for-one, max-restarts: 3, max-seconds: 5 }
 *     infosys:  { strategy: dynamic, parent: root, max-children: 1000 }
 *     payments: { strategy: rest-for-one, parent: root }
 * </pre>
 */
@ConfigurationProperties("otp")
public class OtpProperties {

	/** Whether to create the OTP runtime and start the supervision tree. */
	private boolean enabled = true;

	/** Default timeout of calls made through @GenServer proxies. */
	private Duration callTimeout = Duration.ofSeconds(5);

	private final CrashReports crashReports = new CrashReports();

	private final Root root = new Root();

	private final Observations observations = new Observations();

	/** How many recent supervisor events (restarts, give-ups) to keep for /actuator/otp. */
	private int eventLogSize = 100;

	/** Settings of individual processes of the tree, by process name. */
	private Map<String, Process> processes = new LinkedHashMap<>();

	/**
	 * Supervisors of the tree, by name. A one-for-one "root" supervisor exists even when it is not
	 * listed; every other supervisor hangs under "root" unless it names another parent.
	 */
	private Map<String, Supervisor> supervisors = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	public int getEventLogSize() {
		return this.eventLogSize;
	}

	public void setEventLogSize(int eventLogSize) {
		this.eventLogSize = eventLogSize;
	}

	public Observations getObservations() {
		return this.observations;
	}

	public Root getRoot() {
		return this.root;
	}

	public CrashReports getCrashReports() {
		return this.crashReports;
	}

	public Map<String, Process> getProcesses() {
		return this.processes;
	}

	public void setProcesses(Map<String, Process> processes) {
		this.processes = processes;
	}

	public Map<String, Supervisor> getSupervisors() {
		return this.supervisors;
	}

	public void setSupervisors(Map<String, Supervisor> supervisors) {
		this.supervisors = supervisors;
	}

	/** How a supervisor restarts its children. */
	public enum Strategy {

		/** Only the child that exited. */
		ONE_FOR_ONE,

		/** All children. */
		ONE_FOR_ALL,

		/** The child that exited and those started after it. */
		REST_FOR_ONE,

		/** Children started at run time, each restarted on its own (a DynamicSupervisor). */
		DYNAMIC

	}

	/** Crash report settings. */
	/** Micrometer observations of calls and casts. */
	public static class Observations {

		/** Whether to observe calls and casts (otp.call, otp.cast, otp.handle) when an ObservationRegistry exists. */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/** What happens to the application as a whole when the root supervisor gives up. */
	public static class Root {

		/**
		 * What to do once the root supervisor has given up: stop the application (as OTP stops the
		 * node), or keep it running with health DOWN and calls failing with
		 * SupervisionTreeDownException.
		 */
		private OtpSupervisionTree.OnGiveUp onGiveUp = OtpSupervisionTree.OnGiveUp.STOP_APPLICATION;

		public OtpSupervisionTree.OnGiveUp getOnGiveUp() {
			return this.onGiveUp;
		}

		public void setOnGiveUp(OtpSupervisionTree.OnGiveUp onGiveUp) {
			this.onGiveUp = onGiveUp;
		}

	}

	public static class CrashReports {

		/**
		 * Whether crash reports log the state of the process that crashed. Off by default: state may
		 * hold secrets.
		 */
		private boolean includeState;

		public boolean isIncludeState() {
			return this.includeState;
		}

		public void setIncludeState(boolean includeState) {
			this.includeState = includeState;
		}

	}

	/** One process of the tree: a @GenServer, a @Supervised GenServerBehaviour or an Agent. */
	public static class Process {

		private final Mailbox mailbox = new Mailbox();

		public Mailbox getMailbox() {
			return this.mailbox;
		}

	}

	/** Limits on a process's mailbox, beyond OTP (whose mailboxes are unbounded). */
	public static class Mailbox {

		/** The most messages queued at once; 0 (the default) for unbounded, as in OTP. */
		private int capacity;

		/** What a send to a full mailbox does: reject (the sender gets an exception) or drop (a dead letter). */
		private MailboxLimits.Overflow overflow = MailboxLimits.Overflow.REJECT;

		/** Log a warning when this many messages are queued; 0 (the default) for no warning. */
		private int warningDepth;

		public int getCapacity() {
			return this.capacity;
		}

		public void setCapacity(int capacity) {
			this.capacity = capacity;
		}

		public MailboxLimits.Overflow getOverflow() {
			return this.overflow;
		}

		public void setOverflow(MailboxLimits.Overflow overflow) {
			this.overflow = overflow;
		}

		public int getWarningDepth() {
			return this.warningDepth;
		}

		public void setWarningDepth(int warningDepth) {
			this.warningDepth = warningDepth;
		}

	}

	/** One supervisor of the tree. */
	public static class Supervisor {

		/** Restart strategy: one-for-one, one-for-all, rest-for-one or dynamic. */
		private Strategy strategy = Strategy.ONE_FOR_ONE;

		/** Restarts allowed within max-seconds before the supervisor gives up and escalates. */
		private int maxRestarts = 3;

		/** Length of the restart-intensity window, in seconds. */
		private int maxSeconds = 5;

		/** The parent supervisor; "root" when not set. The root supervisor has no parent. */
		private @Nullable String parent;

		/** For a dynamic supervisor, the most children it runs at once; unlimited when not set. */
		private @Nullable Integer maxChildren;

		/** When the parent restarts this supervisor after it gave up. */
		private RestartType restart = RestartType.PERMANENT;

		/** Start position among the parent's children: lower starts first. */
		private int order;

		/**
		 * Whether the application is broken once this supervisor gives up: health reports DOWN.
		 * The root supervisor is always critical.
		 */
		private boolean critical;

		public Strategy getStrategy() {
			return this.strategy;
		}

		public void setStrategy(Strategy strategy) {
			this.strategy = strategy;
		}

		public int getMaxRestarts() {
			return this.maxRestarts;
		}

		public void setMaxRestarts(int maxRestarts) {
			this.maxRestarts = maxRestarts;
		}

		public int getMaxSeconds() {
			return this.maxSeconds;
		}

		public void setMaxSeconds(int maxSeconds) {
			this.maxSeconds = maxSeconds;
		}

		public @Nullable String getParent() {
			return this.parent;
		}

		public void setParent(@Nullable String parent) {
			this.parent = parent;
		}

		public @Nullable Integer getMaxChildren() {
			return this.maxChildren;
		}

		public void setMaxChildren(@Nullable Integer maxChildren) {
			this.maxChildren = maxChildren;
		}

		public RestartType getRestart() {
			return this.restart;
		}

		public void setRestart(RestartType restart) {
			this.restart = restart;
		}

		public int getOrder() {
			return this.order;
		}

		public void setOrder(int order) {
			this.order = order;
		}

		public boolean isCritical() {
			return this.critical;
		}

		public void setCritical(boolean critical) {
			this.critical = critical;
		}

	}

}
