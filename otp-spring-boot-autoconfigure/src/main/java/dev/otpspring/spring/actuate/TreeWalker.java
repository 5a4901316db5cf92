package dev.otpspring.spring.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

import dev.otpspring.process.OtpException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.process.ProcessInfo;
import dev.otpspring.spring.OtpSupervisionTree;
import dev.otpspring.spring.actuate.OtpTreeDescriptors.NodeDescriptor;
import dev.otpspring.spring.actuate.OtpTreeDescriptors.ProcessDescriptor;
import dev.otpspring.spring.actuate.OtpTreeDescriptors.SupervisorDescriptor;
import dev.otpspring.supervisor.ChildInfo;
import dev.otpspring.supervisor.ChildType;
import dev.otpspring.supervisor.Supervisor;
import dev.otpspring.supervisor.SupervisorInfo;

/**
 * Reads the live tree, supervisor by supervisor, into descriptors. Each supervisor answers an
 * info request between two of its messages, so a snapshot is consistent per supervisor; a
 * supervisor too busy to answer within a short timeout is shown as {@code unavailable}.
 */
final class TreeWalker {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final OtpRuntime runtime;

	private final OtpSupervisionTree tree;

	/** Adds a process's state to its descriptor, or {@code null} to leave it out. */
	private final BiFunction<String, Pid, Object> state;

	TreeWalker(OtpRuntime runtime, OtpSupervisionTree tree, BiFunction<String, Pid, Object> state) {
		this.runtime = runtime;
		this.tree = tree;
		this.state = state;
	}

	/** The root and everything under it, or {@code null} before the tree started. */
	SupervisorDescriptor root() {
		Pid root = this.tree.root();
		if (root == null) {
			return null;
		}
		String name = this.tree.plan().supervisors().getFirst();
		if (!this.runtime.isAlive(root)) {
			return new SupervisorDescriptor(name, null, "supervisor", null, null, null, null, null, "gave up", null, null,
					null, null, List.of());
		}
		return supervisor(name, root, null);
	}

	/** The node called {@code name}, wherever it is in the tree. */
	Optional<NodeDescriptor> find(String name) {
		return find(root(), name);
	}

	/** The supervisor that has a child called {@code name}, and that child. */
	Optional<Located> locate(String name) {
		return locate(root(), name);
	}

	private SupervisorDescriptor supervisor(String name, Pid pid, ChildInfo asChild) {
		SupervisorInfo info;
		try {
			info = Supervisor.of(pid).info(TIMEOUT);
		}
		catch (OtpException ex) {
			return new SupervisorDescriptor(name, pid.toString(), "supervisor", null, null, null, null, null, "unavailable",
					restart(asChild), restarts(asChild), lastExit(asChild), lastExitAt(asChild), List.of());
		}
		List<NodeDescriptor> children = new ArrayList<>();
		for (ChildInfo child : info.children().reversed()) { // start order reads best
			children.add(child(name, child));
		}
		return new SupervisorDescriptor(name, pid.toString(), "supervisor",
				info.dynamic() ? "dynamic" : info.strategy().name().toLowerCase(Locale.ROOT), info.maxRestarts(),
				info.maxSeconds(), info.restartsInWindow(), info.dynamic() ? info.maxChildren() : null, "running",
				restart(asChild), restarts(asChild), lastExit(asChild), lastExitAt(asChild), children);
	}

	private NodeDescriptor child(String supervisor, ChildInfo child) {
		String name = nameOf(child);
		if (child.type() == ChildType.SUPERVISOR) {
			if (child.pid() != null && this.runtime.isAlive(child.pid())) {
				return supervisor(name, child.pid(), child);
			}
			return new SupervisorDescriptor(name, null, "supervisor", null, null, null, null, null, status(child),
					restart(child), child.restarts(), lastExit(child), child.lastExitAt(), List.of());
		}
		ProcessInfo process = (child.pid() != null) ? this.runtime.info(child.pid()).orElse(null) : null;
		return new ProcessDescriptor(name, (child.pid() != null) ? child.pid().toString() : null, "worker", supervisor,
				restart(child), status(child), child.restarts(), lastExit(child), child.lastExitAt(),
				(process != null) ? process.mailboxDepth() : null, (process != null) ? process.messagesProcessed() : null,
				(child.pid() != null) ? this.state.apply(name, child.pid()) : null);
	}

	private String nameOf(ChildInfo child) {
		if (child.id() != null) {
			return String.valueOf(child.id());
		}
		Object registered = (child.pid() != null)
				? this.runtime.info(child.pid()).map(ProcessInfo::registeredName).orElse(null) : null;
		return (registered != null) ? String.valueOf(registered) : String.valueOf(child.pid());
	}

	private static Optional<NodeDescriptor> find(NodeDescriptor node, String name) {
		if (node == null) {
			return Optional.empty();
		}
		if (Objects.equals(node.name(), name)) {
			return Optional.of(node);
		}
		if (node instanceof SupervisorDescriptor supervisor) {
			for (NodeDescriptor child : supervisor.children()) {
				Optional<NodeDescriptor> found = find(child, name);
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<Located> locate(SupervisorDescriptor parent, String name) {
		if (parent == null) {
			return Optional.empty();
		}
		for (NodeDescriptor child : parent.children()) {
			if (Objects.equals(child.name(), name)) {
				return Optional.of(new Located(parent, child));
			}
			if (child instanceof SupervisorDescriptor supervisor) {
				Optional<Located> found = locate(supervisor, name);
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	private static String status(ChildInfo child) {
		return switch (child.status()) {
			case RUNNING -> "running";
			case RESTARTING -> "restarting";
			case UNDEFINED -> "stopped";
		};
	}

	private static String restart(ChildInfo child) {
		return (child != null) ? child.restart().name().toLowerCase(Locale.ROOT) : null;
	}

	private static Integer restarts(ChildInfo child) {
		return (child != null) ? child.restarts() : null;
	}

	private static String lastExit(ChildInfo child) {
		return (child != null && child.lastExitReason() != null) ? child.lastExitReason().toString() : null;
	}

	private static java.time.Instant lastExitAt(ChildInfo child) {
		return (child != null) ? child.lastExitAt() : null;
	}

	/** A child found in the tree, with the supervisor it belongs to. */
	record Located(SupervisorDescriptor supervisor, NodeDescriptor child) {

		boolean underDynamicSupervisor() {
			return "dynamic".equals(this.supervisor.strategy());
		}

	}

}
