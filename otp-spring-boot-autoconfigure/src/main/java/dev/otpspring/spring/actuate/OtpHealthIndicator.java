package dev.otpspring.spring.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.spring.OtpSupervisionTree;
import dev.otpspring.spring.TreePlan;

/**
 * Health of the supervision tree. UP while it runs — restarts are the tree doing its job, so they
 * never make health flap — and DOWN once a critical supervisor (the root, and any marked
 * {@code critical}) has given up. Details list every supervisor's state.
 */
public class OtpHealthIndicator extends AbstractHealthIndicator {

	private final OtpSupervisionTree tree;

	private final OtpRuntime runtime;

	public OtpHealthIndicator(OtpSupervisionTree tree, OtpRuntime runtime) {
		super("OTP supervision tree health check failed");
		this.tree = tree;
		this.runtime = runtime;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		OtpSupervisionTree.State state = this.tree.state();
		Set<String> gaveUp = this.tree.gaveUp();
		if (state == OtpSupervisionTree.State.BROKEN || !gaveUp.isEmpty()) {
			builder.down();
		}
		else if (state == OtpSupervisionTree.State.RUNNING || state == OtpSupervisionTree.State.STARTING) {
			builder.up();
		}
		else {
			builder.outOfService();
		}
		builder.withDetail("state", state.name());
		if (state != OtpSupervisionTree.State.NEW) {
			builder.withDetail("supervisors", supervisors(this.tree.plan(), gaveUp));
		}
		if (!gaveUp.isEmpty()) {
			builder.withDetail("gaveUp", gaveUp);
		}
		builder.withDetail("processes", this.runtime.processCount());
	}

	private Map<String, String> supervisors(TreePlan plan, Set<String> gaveUp) {
		Map<String, String> supervisors = new LinkedHashMap<>();
		for (String name : plan.supervisors()) {
			String status = gaveUp.contains(name) ? "gave up"
					: (this.runtime.whereis(name) != null) ? "running" : "restarting";
			supervisors.put(name, plan.criticalSupervisors().contains(name) ? status + " (critical)" : status);
		}
		return supervisors;
	}

}
