package dev.otpspring.reliability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.genserver.StartResult;
import dev.otpspring.process.MailboxLimits;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;
import dev.otpspring.supervisor.ChildInfo;
import dev.otpspring.supervisor.ChildSpec;
import dev.otpspring.supervisor.ChildStatus;
import dev.otpspring.supervisor.DynamicSupervisor;
import dev.otpspring.supervisor.DynamicSupervisorSpec;
import dev.otpspring.supervisor.RestartType;
import dev.otpspring.supervisor.Strategy;
import dev.otpspring.supervisor.Supervisor;
import dev.otpspring.supervisor.SupervisorSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision tree the chaos soak attacks: three levels, every strategy.
 *
 * <pre>
 * soak.root (one_for_one)
 *  ├─ leaf-0 … leaf-39        permanent; the last ten have small bounded mailboxes (reject, drop)
 *  ├─ soak.all (one_for_all)  all-0 … all-11
 *  ├─ soak.rest (rest_for_one) rest-0 … rest-11
 *  └─ soak.dyn (dynamic)      dyn-p-*: permanent, dyn-t-*: transient, tmp-*: temporary
 * </pre>
 *
 * No supervisor can give up (unbounded intensity), so every crash must be answered by a restart
 * — except for temporary children, which are never restarted (R2.3) and are replaced by new
 * ones as they go.
 */
final class ChaosTree {

	static final String ROOT = "soak.root";

	static final String ALL = "soak.all";

	static final String REST = "soak.rest";

	static final String DYN = "soak.dyn";

	static final int ROOT_LEAVES = 40;

	static final int GROUP_LEAVES = 12;

	static final int DYNAMIC_EACH = 16;

	/** Root leaves from here on have bounded mailboxes: half reject, half drop. */
	private static final int FIRST_BOUNDED = 30;

	private static final int FIRST_DROPPING = 35;

	private static final int MAILBOX_CAPACITY = 4;

	/** Where a leaf sits, which decides what its supervisor does when it exits. */
	enum Group {

		ROOT_LEAF, ALL_LEAF, REST_LEAF, DYNAMIC_PERMANENT, DYNAMIC_TRANSIENT, DYNAMIC_TEMPORARY, SUPERVISOR

	}

	/**
	 * A process of the tree, by registered name.
	 * @param position its place among its supervisor's children, for rest_for_one
	 */
	record Member(String name, Group group, int position, MailboxLimits mailbox) {

		boolean bounded() {
			return this.mailbox.capacity() > 0;
		}

		boolean drops() {
			return bounded() && this.mailbox.overflow() == MailboxLimits.Overflow.DROP;
		}

	}

	private final OtpRuntime runtime;

	private final Map<String, Member> members = new ConcurrentHashMap<>();

	/** The leaves clients and faults pick from: all but the temporaries seen dead. Replaced, never changed. */
	private volatile List<Member> leaves = List.of();

	/** Temporary children by name, until they are seen dead. */
	private final Map<String, Pid> temporaries = new ConcurrentHashMap<>();

	private final AtomicInteger nextTemporary = new AtomicInteger();

	private ChaosTree(OtpRuntime runtime) {
		this.runtime = runtime;
	}

	/** Starts the whole tree, dynamic children included. */
	static ChaosTree start(OtpRuntime runtime) {
		ChaosTree tree = new ChaosTree(runtime);
		Supervisor.start(runtime, tree.rootSpec()).pid();
		DynamicSupervisor dynamic = tree.dynamic();
		for (int i = 0; i < DYNAMIC_EACH; i++) {
			dynamic.startChild(tree.leaf("dyn-p-" + i, Group.DYNAMIC_PERMANENT, 0, RestartType.PERMANENT)).pid();
			dynamic.startChild(tree.leaf("dyn-t-" + i, Group.DYNAMIC_TRANSIENT, 0, RestartType.TRANSIENT)).pid();
			tree.startTemporary();
		}
		return tree;
	}

	private SupervisorSpec rootSpec() {
		List<ChildSpec> children = new ArrayList<>();
		for (int i = 0; i < ROOT_LEAVES; i++) {
			MailboxLimits mailbox = (i < FIRST_BOUNDED) ? MailboxLimits.UNBOUNDED
					: MailboxLimits.bounded(MAILBOX_CAPACITY,
							(i < FIRST_DROPPING) ? MailboxLimits.Overflow.REJECT : MailboxLimits.Overflow.DROP);
			children.add(leaf("leaf-" + i, Group.ROOT_LEAF, i, RestartType.PERMANENT, mailbox));
		}
		children.add(supervisor(ALL, Strategy.ONE_FOR_ALL, "all-", Group.ALL_LEAF));
		children.add(supervisor(REST, Strategy.REST_FOR_ONE, "rest-", Group.REST_LEAF));
		remember(new Member(DYN, Group.SUPERVISOR, children.size(), MailboxLimits.UNBOUNDED));
		DynamicSupervisorSpec dynamic = DynamicSupervisorSpec.named(DYN).withIntensity(Integer.MAX_VALUE, 1);
		children.add(ChildSpec.supervisor(DYN, () -> DynamicSupervisor.startLink(dynamic)));
		return new SupervisorSpec(ROOT, Strategy.ONE_FOR_ONE, Integer.MAX_VALUE, 1, children);
	}

	private ChildSpec supervisor(String name, Strategy strategy, String prefix, Group group) {
		List<ChildSpec> children = new ArrayList<>();
		for (int i = 0; i < GROUP_LEAVES; i++) {
			children.add(leaf(prefix + i, group, i, RestartType.PERMANENT));
		}
		remember(new Member(name, Group.SUPERVISOR, 0, MailboxLimits.UNBOUNDED));
		SupervisorSpec spec = new SupervisorSpec(name, strategy, Integer.MAX_VALUE, 1, children);
		return ChildSpec.supervisor(name, () -> Supervisor.startLink(spec));
	}

	private ChildSpec leaf(String name, Group group, int position, RestartType restart) {
		return leaf(name, group, position, restart, MailboxLimits.UNBOUNDED);
	}

	private ChildSpec leaf(String name, Group group, int position, RestartType restart, MailboxLimits mailbox) {
		Member member = new Member(name, group, position, mailbox);
		remember(member);
		synchronized (this) {
			List<Member> leaves = new ArrayList<>(this.leaves);
			leaves.add(member);
			this.leaves = List.copyOf(leaves);
		}
		return SoakServer.spec(name, restart, mailbox);
	}

	private void remember(Member member) {
		this.members.put(member.name(), member);
	}

	/** Starts one more temporary child under the dynamic supervisor, with a name never used before. */
	void startTemporary() {
		String name = "tmp-" + this.nextTemporary.getAndIncrement();
		StartResult result = dynamic().startChild(leaf(name, Group.DYNAMIC_TEMPORARY, 0, RestartType.TEMPORARY));
		this.temporaries.put(name, result.pid());
	}

	/** The temporary children that are still alive; those that died are forgotten, no longer picked. */
	Map<String, Pid> liveTemporaries() {
		if (this.temporaries.values().removeIf((pid) -> !this.runtime.isAlive(pid))) {
			synchronized (this) {
				this.leaves = this.leaves.stream()
					.filter((leaf) -> leaf.group() != Group.DYNAMIC_TEMPORARY || this.temporaries.containsKey(leaf.name()))
					.toList();
			}
		}
		return Map.copyOf(this.temporaries);
	}

	/** A leaf picked at random; it may have just died. */
	Member randomLeaf() {
		List<Member> leaves = this.leaves;
		return leaves.get(ThreadLocalRandom.current().nextInt(leaves.size()));
	}

	Member member(String name) {
		return this.members.get(name);
	}

	DynamicSupervisor dynamic() {
		return DynamicSupervisor.of(this.runtime.named(DYN));
	}

	Supervisor supervisor(String name) {
		return Supervisor.of(this.runtime.named(name));
	}

	/** How many processes the tree has at full strength now: supervisors, leaves, live temporaries. */
	int expectedSize() {
		return 4 + ROOT_LEAVES + 2 * GROUP_LEAVES + 2 * DYNAMIC_EACH + liveTemporaries().size();
	}

	/** The names registered at full strength now. */
	Set<Object> expectedNames() {
		Set<Object> names = new HashSet<>();
		this.members.forEach((name, member) -> {
			if (member.group() != Group.DYNAMIC_TEMPORARY) {
				names.add(name);
			}
		});
		names.add(ROOT);
		names.addAll(liveTemporaries().keySet());
		return names;
	}

	/**
	 * Asserts that the tree is back to full strength: every supervisor alive, every static child
	 * and every permanent or transient dynamic child running and answering with its own
	 * identity, every temporary child that died gone for good (R2.3).
	 */
	void assertFullStrength() {
		assertAllRunning(supervisor(ROOT).whichChildren(), ROOT_LEAVES + 3);
		assertAllRunning(supervisor(ALL).whichChildren(), GROUP_LEAVES);
		assertAllRunning(supervisor(REST).whichChildren(), GROUP_LEAVES);
		Map<String, Pid> temporaries = liveTemporaries();
		List<ChildInfo> dynamicChildren = dynamic().whichChildren();
		assertAllRunning(dynamicChildren, 2 * DYNAMIC_EACH + temporaries.size());
		assertThat(dynamicChildren).extracting(ChildInfo::pid).containsAll(temporaries.values());
		for (Object name : expectedNames()) {
			if (this.members.get(name) != null && this.members.get(name).group() != Group.SUPERVISOR) {
				Object answer = GenServer.call(this.runtime.named(name), new SoakServer.Echo(-1));
				assertThat(answer).isInstanceOfSatisfying(SoakServer.Answer.class,
						(reply) -> assertThat(reply.id()).isEqualTo(name));
			}
		}
		assertThat(this.runtime.registeredNames()).containsExactlyInAnyOrderElementsOf(expectedNames());
	}

	private static void assertAllRunning(List<ChildInfo> children, int count) {
		assertThat(children).hasSize(count).allSatisfy((child) -> {
			assertThat(child.status()).isEqualTo(ChildStatus.RUNNING);
			assertThat(child.pid()).isNotNull();
		});
	}

}
