package dev.otpspring.genserver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessInfo;
import dev.otpspring.process.ProcessRef;

/**
 * A call would close a cycle of processes each waiting for the next one's reply — A calls B
 * while B is blocked calling A. In OTP that deadlocks until a timeout; here the call fails at
 * once, naming the processes in the cycle. Break it with a cast, or with a deferred reply
 * ({@code NoReply} and {@link From#reply}).
 */
public class CallCycleException extends CallException {

	/** Cycles longer than this are not followed; a chain that long is a design problem of its own. */
	private static final int MAX_CHAIN = 64;

	private final transient List<Pid> cycle;

	CallCycleException(ProcessRef server, Object request, Duration timeout, List<Pid> cycle, String described) {
		super("Call cycle: " + described + " — each waits for the next one's reply, so this call would deadlock", server,
				request, timeout, null);
		this.cycle = List.copyOf(cycle);
	}

	/** The processes in the cycle, starting and ending with the caller. */
	public List<Pid> cycle() {
		return this.cycle;
	}

	/** Throws if {@code server} is (transitively) blocked on a call to {@code caller}. */
	static void check(OtpRuntime runtime, ProcessRef server, Pid caller, Pid callee, Object request, Duration timeout) {
		List<Pid> chain = new ArrayList<>();
		chain.add(caller);
		Pid next = callee;
		while (next != null && chain.size() <= MAX_CHAIN) {
			chain.add(next);
			if (next.equals(caller)) {
				String described = chain.stream().map((pid) -> describe(runtime, pid)).collect(Collectors.joining(" -> "));
				throw new CallCycleException(server, request, timeout, chain, described);
			}
			next = runtime.isAlive(next) ? runtime.awaiting(next) : null;
		}
	}

	private static String describe(OtpRuntime runtime, Pid pid) {
		Object name = runtime.info(pid).map(ProcessInfo::registeredName).orElse(null);
		return (name != null) ? name + " " + pid : pid.toString();
	}

}
