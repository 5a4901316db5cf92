package dev.otpspring.supervisor;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.otpspring.process.Exit;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Pid;
import dev.otpspring.process.Self;

import static dev.otpspring.supervisor.SupervisionKit.await;
import static dev.otpspring.supervisor.SupervisionKit.child;
import static dev.otpspring.supervisor.SupervisionKit.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor that gives up exits {@code shutdown}, and its parent treats that like any child
 * exit: root → mid → leaf → worker "w" (R3.5). Time is frozen, so no window ever expires.
 */
@Timeout(30)
class EscalationTest {

	private final SupervisionKit kit = SupervisionKit.withFrozenClock();

	@AfterEach
	void close() throws Exception {
		this.kit.close();
	}

	/** leaf: gives up on the first crash of w. */
	private ChildSpec leaf() {
		SupervisorSpec leaf = SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(this.kit.probe.worker("w")))
			.named("leaf")
			.withIntensity(0, 5);
		return ChildSpec.supervisor("leaf", () -> Supervisor.startLink(leaf));
	}

	/** mid: restarts its leaf once, gives up the second time. */
	private SupervisorSpec mid(ChildSpec leaf) {
		return SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(leaf)).named("mid").withIntensity(1, 5);
	}

	/** root: gives up the first time mid exits. */
	private SupervisorSpec root() {
		SupervisorSpec mid = mid(leaf());
		return SupervisorSpec.of(Strategy.ONE_FOR_ONE, List.of(ChildSpec.supervisor("mid", () -> Supervisor.startLink(mid))))
			.named("root")
			.withIntensity(0, 5);
	}

	private Pid whereis(String name) {
		return this.kit.runtime.whereis(name);
	}

	/** Crashes the current w, making the current leaf give up; waits until the leaf is gone. */
	private void exhaustLeaf() {
		Pid leaf = whereis("leaf");
		this.kit.watch(leaf);
		this.kit.crash(whereis("w"));
		assertThat(this.kit.awaitExit(leaf)).isEqualTo(ExitReason.SHUTDOWN);
	}

	@Test
	void leafThatGivesUpIsRestartedByAPermanentParentSpecWithFreshChildren() {
		this.kit.start(root());
		Pid leaf = whereis("leaf");
		Pid worker = whereis("w");

		exhaustLeaf();

		// R3.5: a permanent child supervisor is restarted: new pid, fresh children
		Pid newLeaf = eventually().until(() -> whereis("leaf"), (pid) -> pid != null && !pid.equals(leaf));
		assertThat(whereis("w")).isNotNull().isNotEqualTo(worker);
		assertThat(this.kit.probe.starts("w")).isEqualTo(2);
		assertThat(child(Supervisor.of(whereis("mid")), "leaf").pid()).isEqualTo(newLeaf);
	}

	@Test
	void leafThatGivesUpIsNotRestartedByATransientParentSpec() {
		Supervisor mid = this.kit.start(mid(leaf().withRestart(RestartType.TRANSIENT)));

		exhaustLeaf();
		this.kit.events.await(SupervisorEvent.ChildExited.class, (exited) -> "leaf".equals(exited.childId()));

		// R3.5: shutdown is normal-like, so a transient supervisor child stays down
		ChildInfo leaf = child(mid, "leaf");
		assertThat(leaf.status()).isEqualTo(ChildStatus.UNDEFINED);
		assertThat(leaf.lastExitReason()).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(whereis("w")).isNull();
	}

	@Test
	void repeatedEscalationExhaustsTheMiddleAndThenTheRootSupervisor() {
		Pid root = SupervisionKit.pid(this.kit.start(root()));
		Pid mid = whereis("mid");
		this.kit.watch(mid);
		exhaustLeaf();
		eventually().until(() -> whereis("w") != null);

		exhaustLeaf();

		// R3.5: mid's window (1) is exceeded, then root's (0): both exit shutdown
		assertThat(this.kit.awaitExit(mid)).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(this.kit.awaitExit(root)).isEqualTo(ExitReason.SHUTDOWN);
		assertThat(this.kit.events.all(SupervisorEvent.GaveUp.class)).extracting(SupervisorEvent.GaveUp::offenderId)
			.containsExactly("w", "w", "leaf", "mid");
	}

	@Test
	void processThatStartedTheRootReceivesItsShutdown() throws Exception {
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		CompletableFuture<Pid> root = new CompletableFuture<>();
		this.kit.runtime.spawn(() -> {
			Self.trapExits(true);
			root.complete(Supervisor.startLink(root()).pid());
			return received::add;
		});
		Pid rootPid = await(root);
		exhaustLeaf();
		eventually().until(() -> whereis("w") != null);

		exhaustLeaf();

		// R3.5: the linked starter that traps exits gets {EXIT, root, shutdown}
		assertThat(received.poll(SupervisionKit.PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
			.isEqualTo(new Exit(rootPid, ExitReason.SHUTDOWN));
	}

}
