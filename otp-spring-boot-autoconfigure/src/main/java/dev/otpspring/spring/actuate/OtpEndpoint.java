package dev.otpspring.spring.actuate;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.spring.OtpSupervisionTree;
import dev.otpspring.spring.SupervisorEventLog;
import dev.otpspring.spring.actuate.OtpTreeDescriptors.EventDescriptor;
import dev.otpspring.spring.actuate.OtpTreeDescriptors.NodeDescriptor;
import dev.otpspring.spring.actuate.OtpTreeDescriptors.TreeDescriptor;
import dev.otpspring.supervisor.DynamicSupervisor;
import dev.otpspring.supervisor.Supervisor;
import dev.otpspring.supervisor.SupervisorEvent;

/**
 * {@code /actuator/otp}: the supervision tree as it runs — every supervisor and process with its
 * status, restarts, last exit and mailbox — plus the recent supervisor events.
 * {@code /actuator/otp/{name}} shows one supervisor or process (404 if unknown). Writing
 * ({@code POST /actuator/otp/{name}} with {@code {"action": "restart" | "terminate"}}) is off
 * unless access is granted with {@code management.endpoint.otp.access=unrestricted}. Process state
 * is shown only if {@code management.endpoint.otp.show-state} allows, sanitised like {@code env}.
 */
@Endpoint(id = "otp", defaultAccess = Access.READ_ONLY)
public class OtpEndpoint {

	private final OtpRuntime runtime;

	private final OtpSupervisionTree tree;

	private final SupervisorEventLog events;

	private final ProcessStateReader states;

	private final Show showState;

	private final Set<String> roles;

	/**
	 * @param showState when process state is shown
	 * @param roles the roles that may see state with {@link Show#WHEN_AUTHORIZED}
	 */
	public OtpEndpoint(OtpRuntime runtime, OtpSupervisionTree tree, SupervisorEventLog events,
			org.springframework.boot.actuate.endpoint.Sanitizer sanitizer, Show showState, Set<String> roles) {
		this.runtime = runtime;
		this.tree = tree;
		this.events = events;
		this.states = new ProcessStateReader(runtime, sanitizer);
		this.showState = showState;
		this.roles = Set.copyOf(roles);
	}

	@ReadOperation
	public TreeDescriptor tree(SecurityContext securityContext) {
		return new TreeDescriptor(this.tree.state().name(), this.runtime.processCount(), this.runtime.messageCount(),
				this.runtime.deadLetterCount(), walker(securityContext).root(), events());
	}

	@ReadOperation
	public @Nullable NodeDescriptor node(SecurityContext securityContext, @Selector String name) {
		return walker(securityContext).find(name).orElse(null); // null: 404
	}

	@WriteOperation
	public @Nullable NodeDescriptor change(SecurityContext securityContext, @Selector String name, String action) {
		TreeWalker walker = walker(securityContext);
		TreeWalker.Located located = walker.locate(name).orElse(null);
		if (located == null) {
			return null;
		}
		switch ((action != null) ? action.toLowerCase(Locale.ROOT) : "") {
			case "terminate" -> terminate(located);
			case "restart" -> {
				if (located.underDynamicSupervisor()) {
					throw new InvalidEndpointRequestException("A child of a dynamic supervisor cannot be restarted by hand",
							"Children of dynamic supervisors can only be terminated");
				}
				Supervisor supervisor = Supervisor.of(this.runtime.named(located.supervisor().name()));
				supervisor.terminateChild(name);
				supervisor.restartChild(name);
			}
			default -> throw new InvalidEndpointRequestException("Unknown action '" + action + "'",
					"The action must be 'restart' or 'terminate'");
		}
		return walker.find(name).orElse(null);
	}

	private void terminate(TreeWalker.Located located) {
		if (located.underDynamicSupervisor()) {
			Pid target = this.runtime.whereis(located.child().name());
			if (target == null) {
				throw new InvalidEndpointRequestException("'" + located.child().name() + "' is not a registered name",
						"Only named children of a dynamic supervisor can be terminated here");
			}
			DynamicSupervisor.of(this.runtime.named(located.supervisor().name())).terminateChild(target);
			return;
		}
		Supervisor.of(this.runtime.named(located.supervisor().name())).terminateChild(located.child().name());
	}

	private TreeWalker walker(SecurityContext securityContext) {
		boolean show = this.showState.isShown(securityContext, this.roles);
		return new TreeWalker(this.runtime, this.tree, (name, pid) -> show ? this.states.read(pid) : null);
	}

	private List<EventDescriptor> events() {
		return this.events.recent().stream().map(OtpEndpoint::describe).toList();
	}

	private static EventDescriptor describe(SupervisorEvent event) {
		String supervisor = String.valueOf(event.supervisor());
		return switch (event) {
			case SupervisorEvent.ChildExited exited -> new EventDescriptor("child_exited", exited.at(), supervisor,
					label(exited.childId(), exited.pid()), String.valueOf(exited.pid()), String.valueOf(exited.reason()),
					exited.decision().name().toLowerCase(Locale.ROOT));
			case SupervisorEvent.ChildRestarted restarted -> new EventDescriptor("child_restarted", restarted.at(),
					supervisor, label(restarted.childId(), restarted.oldPid()), String.valueOf(restarted.newPid()), null,
					"restart #" + restarted.restarts());
			case SupervisorEvent.StartFailed failed -> new EventDescriptor("start_failed", failed.at(), supervisor,
					String.valueOf(failed.childId()), null, String.valueOf(failed.reason()),
					failed.retrying() ? "retrying" : "supervisor start failed");
			case SupervisorEvent.GaveUp gaveUp -> new EventDescriptor("gave_up", gaveUp.at(), supervisor,
					String.valueOf(gaveUp.offenderId()), null, String.valueOf(gaveUp.offenderReason()),
					"reached " + gaveUp.maxRestarts() + " restarts in " + gaveUp.maxSeconds() + " s; shut down");
		};
	}

	private static String label(Object childId, Pid pid) {
		return (childId != null) ? String.valueOf(childId) : String.valueOf(pid);
	}

}
