package dev.otpspring.sample;

import java.time.Duration;
import java.util.Map;

import org.springframework.test.web.servlet.client.RestTestClient;

import static org.awaitility.Awaitility.await;

/**
 * Reads processes and supervisors from {@code /actuator/otp/{name}}, for tests that watch the
 * tree heal. The Spring test context is shared between test classes, so tests compare with a
 * {@link Node} read before they act rather than with absolute counts.
 */
final class TreeProbe {

	private final RestTestClient client;

	TreeProbe(RestTestClient client) {
		this.client = client;
	}

	/** The node called {@code name} as the endpoint shows it now. */
	Node node(String name) {
		Map<?, ?> body = this.client.get().uri("/actuator/otp/{name}", name).exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		return new Node(String.valueOf(body.get("pid")), String.valueOf(body.get("status")),
				((Number) body.get("restartCount")).intValue());
	}

	/** Waits until {@code name} runs again, with a new Pid, after one more restart than {@code before}. */
	Node awaitRestartedOnce(String name, Node before) {
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			Node now = node(name);
			return now.restartCount() == before.restartCount() + 1 && now.running() && !now.pid().equals(before.pid());
		});
		return node(name);
	}

	/**
	 * One process or supervisor of the tree.
	 * @param pid its current Pid
	 * @param status running, restarting or stopped
	 * @param restartCount how often its supervisor restarted it
	 */
	record Node(String pid, String status, int restartCount) {

		boolean running() {
			return "running".equals(this.status);
		}

	}

}
