package dev.otpspring.test;

import java.lang.reflect.Method;
import java.util.Set;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.jspecify.annotations.Nullable;

import dev.otpspring.process.ManualScheduler;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.supervisor.ChildSpec;
import dev.otpspring.supervisor.Supervisor;
import dev.otpspring.supervisor.SupervisorSpec;

/**
 * A JUnit 5 extension that gives each test a fresh {@link OtpRuntime} on a {@link ManualScheduler}
 * (time moves only when the test says so), {@link TestProbe}s, and Elixir's
 * {@code start_supervised}: what a test starts that way is stopped, and awaited, before the next
 * test begins. After each test it checks that no process is left running and closes the runtime.
 *
 * <pre>{@code
 * class TickerTests {
 *
 *     @RegisterExtension
 *     final OtpTestKit otp = OtpTestKit.withManualClock();
 *
 *     @Test
 *     void ticksOncePerSecond() {
 *         TestProbe probe = otp.probe();
 *         otp.startSupervised(ChildSpec.worker("ticker", () -> Ticker.startLink(probe.pid())));
 *         otp.clock().advance(Duration.ofSeconds(1));
 *         probe.expectMessage(Tick.class);
 *     }
 *
 * }
 * }</pre>
 *
 * With {@code @ExtendWith(OtpTestKit.class)}, test methods declare what they need as parameters:
 * {@link OtpRuntime}, {@link ManualScheduler}, {@link TestProbe} (a new one each),
 * {@link SupervisorEventRecorder} or the {@code OtpTestKit} itself. One test at a time per kit.
 */
public final class OtpTestKit implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final Set<Class<?>> RESOLVABLE = Set.of(OtpRuntime.class, ManualScheduler.class, TestProbe.class,
			SupervisorEventRecorder.class, OtpTestKit.class);

	private final boolean manualClock;

	private @Nullable TestSession session;

	/** A kit with a manual clock: what {@code @ExtendWith(OtpTestKit.class)} gets. */
	public OtpTestKit() {
		this(true);
	}

	private OtpTestKit(boolean manualClock) {
		this.manualClock = manualClock;
	}

	/** A kit whose runtimes run on a {@link ManualScheduler}: timers fire only on {@link ManualScheduler#advance}. */
	public static OtpTestKit withManualClock() {
		return new OtpTestKit(true);
	}

	/** A kit whose runtimes run on the system clock, for code that must see real time pass. */
	public static OtpTestKit withSystemClock() {
		return new OtpTestKit(false);
	}

	/** The current test's runtime. */
	public OtpRuntime runtime() {
		return session().runtime();
	}

	/**
	 * The current test's clock: {@code clock().advance(Duration.ofSeconds(5))} fires the timers
	 * due within five seconds, on the calling thread. A process that re-arms its timer when it
	 * handles a tick has not done so yet when {@code advance} returns: advance one period at a
	 * time, with a call to the process in between.
	 * @throws IllegalStateException if this kit runs on the system clock
	 */
	public ManualScheduler clock() {
		return session().clock();
	}

	/** A new probe, stopped after the test. */
	public TestProbe probe() {
		return session().probe(false);
	}

	/** A new probe that traps exits (links deliver {@code Exit} messages), stopped after the test. */
	public TestProbe trappingProbe() {
		return session().probe(true);
	}

	/** The supervisor events recorded since the current test started; see {@link RestartAssert}. */
	public SupervisorEventRecorder supervisorEvents() {
		return session().events();
	}

	/**
	 * Starts a child under the test's own supervisor (one_for_one, never giving up), which stops
	 * it, and waits for it to exit, after the test.
	 * @return the child's process
	 * @throws IllegalStateException if the child does not start
	 */
	public Pid startSupervised(ChildSpec spec) {
		return session().startSupervised(spec);
	}

	/**
	 * Starts a supervisor and its children under the test's own supervisor; stopped, with all
	 * its processes, after the test.
	 * @return a handle to it (by name if the spec has one, so it follows restarts)
	 * @throws IllegalStateException if it does not start
	 */
	public Supervisor startSupervised(SupervisorSpec spec) {
		return session().startSupervised(spec);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.session != null) {
			throw new IllegalStateException("OtpTestKit runs one test at a time; " + context.getDisplayName()
					+ " started while another test used it");
		}
		this.session = TestSession.open(this.manualClock);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		TestSession ending = this.session;
		this.session = null;
		if (ending != null) {
			ending.close(context.getDisplayName());
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		// constructors run before beforeEach, when there is no session yet
		return parameter.getDeclaringExecutable() instanceof Method
				&& RESOLVABLE.contains(parameter.getParameter().getType());
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		if (type == OtpRuntime.class) {
			return runtime();
		}
		if (type == ManualScheduler.class) {
			return clock();
		}
		if (type == TestProbe.class) {
			return probe();
		}
		if (type == SupervisorEventRecorder.class) {
			return supervisorEvents();
		}
		if (type == OtpTestKit.class) {
			return this;
		}
		throw new ParameterResolutionException("OtpTestKit cannot resolve " + type.getName());
	}

	private TestSession session() {
		TestSession current = this.session;
		if (current == null) {
			throw new IllegalStateException("OtpTestKit has no test running: use it inside a test or a @BeforeEach "
					+ "method, and register it with @RegisterExtension or @ExtendWith(OtpTestKit.class)");
		}
		return current;
	}

}
