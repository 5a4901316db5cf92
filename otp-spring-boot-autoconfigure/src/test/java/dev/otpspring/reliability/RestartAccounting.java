package dev.otpspring.reliability;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.reliability.ChaosTree.Group;
import dev.otpspring.reliability.ChaosTree.Member;
import dev.otpspring.reliability.FaultInjector.Fault;
import dev.otpspring.reliability.FaultInjector.Kind;
import dev.otpspring.supervisor.SupervisorEvent;
import dev.otpspring.supervisor.SupervisorEvent.ChildExited;
import dev.otpspring.supervisor.SupervisorEvent.ChildRestarted;
import dev.otpspring.supervisor.SupervisorEvent.Decision;

/**
 * Matches the faults that hit against what the supervisors reported. Every exit a supervisor
 * reports must be a fault's doing; every fault that hit a running child must be reported exactly
 * once and answered by exactly one restart — or by none for a temporary child (R2.3). Two
 * documented outcomes stand in for a report: a fault that hits a child in the middle of its
 * (re)start makes that start fail, and the supervisor reports the failure and retries (R5.1); and
 * under one_for_all and rest_for_one a fault may hit a child the supervisor is already stopping
 * for a sibling's restart, which absorbs it, as OTP's supervisor flushes such exits (R4.5). Each
 * restart takes along exactly the siblings its strategy names (R4.1–R4.3).
 */
final class RestartAccounting {

	private final List<String> violations = new ArrayList<>();

	private final Map<Kind, Integer> hits = new EnumMap<>(Kind.class);

	private int restartedExits;

	private int removedExits;

	private int absorbed;

	private int restarts;

	private int siblingRestarts;

	private int gaveUp;

	private int failedStarts;

	private int killedInStart;

	RestartAccounting(OtpRuntime runtime, ChaosTree tree, List<Fault> faults, List<SupervisorEvent> events) {
		Map<Pid, Fault> victims = new HashMap<>();
		Set<Pid> killedSupervisors = new HashSet<>();
		for (Fault fault : faults) {
			if (fault.hit(runtime)) {
				this.hits.merge(fault.kind(), 1, Integer::sum);
				if (victims.put(fault.pid(), fault) != null) {
					this.violations.add("two faults ended " + fault.pid());
				}
				if (fault.kind() == Kind.KILL_SUPERVISOR) {
					killedSupervisors.add(fault.pid());
				}
			}
		}
		Map<Pid, List<ChildExited>> exits = new HashMap<>();
		Map<Pid, List<ChildRestarted>> restartsOf = new HashMap<>();
		Map<Pid, int[]> restartsBySupervisor = new HashMap<>();
		Map<Object, Integer> startsKilled = new HashMap<>();
		Set<Pid> retried = new HashSet<>();
		for (SupervisorEvent event : events) {
			switch (event) {
				case ChildExited exited -> exits.computeIfAbsent(exited.pid(), (key) -> new ArrayList<>()).add(exited);
				case ChildRestarted restarted -> {
					this.restarts++;
					restartsBySupervisor.computeIfAbsent(restarted.supervisor().pid(), (key) -> new int[1])[0]++;
					if (restarted.oldPid() != null) {
						restartsOf.computeIfAbsent(restarted.oldPid(), (key) -> new ArrayList<>()).add(restarted);
					}
					else {
						this.siblingRestarts++;
					}
				}
				case SupervisorEvent.GaveUp given -> {
					this.gaveUp++;
					this.violations.add("a supervisor gave up despite unbounded intensity: " + given);
				}
				case SupervisorEvent.StartFailed failed -> {
					this.failedStarts++;
					retried.add(failed.supervisor().pid());
					if (failed.retrying() && ExitReason.KILLED.equals(failed.reason())) {
						startsKilled.merge(failed.supervisor().name(), 1, Integer::sum);
					}
				}
			}
		}
		exits.forEach((pid, reported) -> {
			if (!victims.containsKey(pid)) {
				this.violations.add("an exit no fault caused: " + reported);
			}
		});
		Map<Object, Integer> unreported = new HashMap<>();
		for (Fault fault : victims.values()) {
			List<ChildExited> reported = exits.getOrDefault(fault.pid(), List.of());
			if (!reported.isEmpty()) {
				account(fault, reported, restartsOf, killedSupervisors);
			}
			else if (fault.target().group() == Group.ALL_LEAF || fault.target().group() == Group.REST_LEAF) {
				this.absorbed++;
			}
			else {
				unreported.merge(parent(fault.target().group()), 1, Integer::sum);
			}
		}
		unreported.forEach((supervisor, count) -> {
			this.killedInStart += count;
			if (count > startsKilled.getOrDefault(supervisor, 0)) {
				this.violations.add(count + " faults that hit children of " + supervisor + " were never reported, "
						+ "and only " + startsKilled.getOrDefault(supervisor, 0) + " starts failed because of a kill");
			}
		});
		Set<Pid> inexact = new HashSet<>(killedSupervisors);
		inexact.addAll(retried); // a retried restart restarts the group again (R5.4)
		checkStrategies(tree, exits, restartsBySupervisor, inexact);
	}

	/** The supervisor of a member of {@code group}. */
	private static Object parent(Group group) {
		return switch (group) {
			case ROOT_LEAF, SUPERVISOR -> ChaosTree.ROOT;
			case ALL_LEAF -> ChaosTree.ALL;
			case REST_LEAF -> ChaosTree.REST;
			case DYNAMIC_PERMANENT, DYNAMIC_TRANSIENT, DYNAMIC_TEMPORARY -> ChaosTree.DYN;
		};
	}

	private void account(Fault fault, List<ChildExited> reported, Map<Pid, List<ChildRestarted>> restartsOf,
			Set<Pid> killedSupervisors) {
		Group group = fault.target().group();
		if (reported.size() != 1) {
			this.violations.add(fault + " was reported " + reported.size() + " times: " + reported);
			return;
		}
		ChildExited exit = reported.get(0);
		Decision expected = (group == Group.DYNAMIC_TEMPORARY) ? Decision.REMOVE : Decision.RESTART;
		if (exit.decision() != expected) {
			this.violations.add(fault + ": expected " + expected + " but " + exit);
		}
		if (exit.decision() == Decision.REMOVE) {
			this.removedExits++;
			if (restartsOf.containsKey(fault.pid())) {
				this.violations.add("a temporary child was restarted: " + restartsOf.get(fault.pid()));
			}
			return;
		}
		this.restartedExits++;
		int restarted = restartsOf.getOrDefault(fault.pid(), List.of()).size();
		boolean supervisorDied = killedSupervisors.contains(exit.supervisor().pid());
		if (restarted > 1 || (restarted == 0 && !supervisorDied)) {
			this.violations.add(fault + " was restarted " + restarted + " times");
		}
	}

	/**
	 * R4.1–R4.3: one_for_one restarts the child, one_for_all all of them, rest_for_one those from
	 * it on — checked for every supervisor whose restarts all went through at the first attempt.
	 */
	private void checkStrategies(ChaosTree tree, Map<Pid, List<ChildExited>> exits,
			Map<Pid, int[]> restartsBySupervisor, Set<Pid> inexact) {
		Map<Pid, Integer> expected = new HashMap<>();
		for (List<ChildExited> reported : exits.values()) {
			for (ChildExited exit : reported) {
				if (exit.decision() != Decision.RESTART) {
					continue;
				}
				Member member = tree.member(String.valueOf(exit.childId()));
				int group = switch ((member != null) ? member.group() : Group.DYNAMIC_PERMANENT) {
					case ALL_LEAF -> ChaosTree.GROUP_LEAVES;
					case REST_LEAF -> ChaosTree.GROUP_LEAVES - member.position();
					default -> 1;
				};
				expected.merge(exit.supervisor().pid(), group, Integer::sum);
			}
		}
		expected.forEach((supervisor, count) -> {
			int actual = restartsBySupervisor.getOrDefault(supervisor, new int[1])[0];
			if (!inexact.contains(supervisor) && actual != count) {
				this.violations.add("supervisor " + supervisor + " restarted " + actual + " children for exits that "
						+ "call for " + count + " by its strategy");
			}
		});
		restartsBySupervisor.forEach((supervisor, count) -> {
			if (!expected.containsKey(supervisor) && !inexact.contains(supervisor)) {
				this.violations.add("supervisor " + supervisor + " restarted " + count[0] + " children, none exited");
			}
		});
	}

	/** What does not add up; empty when every fault and every restart is accounted for. */
	List<String> violations() {
		return List.copyOf(this.violations);
	}

	int gaveUp() {
		return this.gaveUp;
	}

	@Override
	public String toString() {
		int hit = this.hits.values().stream().mapToInt(Integer::intValue).sum();
		return String.format("faults that hit %,d %s = exits restarted %,d + temporary exits removed %,d + hit "
				+ "during a (re)start %,d + absorbed by a sibling's group restart %,d; restart events %,d (%,d of "
				+ "them siblings taken along by one_for_all/rest_for_one); failed (re)starts %,d; give-ups %d", hit,
				this.hits, this.restartedExits, this.removedExits, this.killedInStart, this.absorbed, this.restarts,
				this.siblingRestarts, this.failedStarts, this.gaveUp);
	}

}
