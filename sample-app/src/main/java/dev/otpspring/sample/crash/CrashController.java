package dev.otpspring.sample.crash;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessInfo;
import dev.otpspring.sample.web.Restarts;
import dev.otpspring.spring.OtpSupervisionTree;

/**
 * {@code POST /api/crash/{name}}: crashes any named process of the tree, so the page can offer one
 * crash button per process and a person can watch its supervisor heal it.
 * <ul>
 * <li>A <b>worker</b> gets an exit signal — Erlang's {@code exit(Pid, Reason)} — with the reason
 * "crashed from the page". It dies at once; its supervisor sees an abnormal exit and restarts it.
 * A worker that traps exits would only receive the signal as a message, so it gets {@code kill},
 * the one signal that cannot be trapped.</li>
 * <li>A <b>supervisor</b> traps exits too, but killing it would skip its clean-up: its children
 * would die from their links while its parent is already restarting it, their names perhaps still
 * taken. So it is crashed the way any GenServer crashes — with a request it does not understand.
 * Its {@code terminate} then stops its children, last started first, and its parent restarts the
 * whole subtree.</li>
 * <li>The <b>root</b> is refused: nothing above it can restart it.</li>
 * </ul>
 */
@RestController
class CrashController {

	private static final ExitReason CRASH = ExitReason.of("crashed from the page");

	private final OtpRuntime runtime;

	private final OtpSupervisionTree tree;

	private final Restarts restarts;

	CrashController(OtpRuntime runtime, OtpSupervisionTree tree, Restarts restarts) {
		this.runtime = runtime;
		this.tree = tree;
		this.restarts = restarts;
	}

	@PostMapping("/api/crash/{name}")
	ResponseEntity<?> crash(@PathVariable String name) {
		if (name.equals(this.tree.plan().supervisors().getFirst())) {
			return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"The root supervisor has no parent to restart it: crashing it would stop the whole tree and "
							+ "turn health DOWN. Crash a process or a supervisor below it.")).build();
		}
		Pid pid = this.runtime.whereis(name);
		if (pid == null) {
			return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No process is registered as '"
					+ name + "'. GET /actuator/otp lists the tree.")).build();
		}
		boolean supervisor = this.tree.plan().supervisors().contains(name);
		Restarts.Restarted<String> restarted = this.restarts.crashAndAwaitRestart(name,
				() -> supervisor ? crashSupervisor(pid) : crashWorker(pid));
		return ResponseEntity
			.ok(new Crashed(name, pid.toString(), restarted.crash(), String.valueOf(restarted.newPid())));
	}

	private String crashWorker(Pid pid) {
		boolean trapsExits = this.runtime.info(pid).map(ProcessInfo::trapsExits).orElse(false);
		ExitReason signal = trapsExits ? ExitReason.KILL : CRASH;
		this.runtime.exit(pid, signal);
		return "exit signal: " + signal;
	}

	private String crashSupervisor(Pid pid) {
		try {
			GenServer.call(pid, new CrashFromThePage(), Duration.ofSeconds(30));
		}
		catch (ProcessExitException ex) {
			// Expected: the call fails once the supervisor has crashed and stopped its children.
		}
		return "a request it does not understand";
	}

	/**
	 * What was done to whom.
	 * @param name the registered name
	 * @param pid the Pid that was crashed (its successor has a new one)
	 * @param how how it was crashed
	 * @param restartedAs the new Pid, once its supervisor restarted it (this answer waits for that)
	 */
	record Crashed(String name, String pid, String how, String restartedAs) {
	}

}
