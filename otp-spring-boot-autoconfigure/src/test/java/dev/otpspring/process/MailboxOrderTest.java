package dev.otpspring.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** R11.8: messages from one sender arrive in send order; none is lost under contention. */
class MailboxOrderTest {

	private static final int SENDERS = 8;

	private static final int MESSAGES_PER_SENDER = 5_000;

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	record Numbered(int sender, int sequence) {
	}

	// R11.8
	@Test
	void concurrentThreadsEachKeepTheirOrderAndNoMessageIsLost() {
		Receiver receiver = new Receiver(this.runtime);
		CountDownLatch go = new CountDownLatch(1);

		List<Thread> senders = IntStream.range(0, SENDERS).mapToObj((sender) -> Thread.ofPlatform().start(() -> {
			Gate.await(go);
			for (int i = 0; i < MESSAGES_PER_SENDER; i++) {
				this.runtime.send(receiver.pid, new Numbered(sender, i));
			}
		})).toList();
		go.countDown();
		senders.forEach(Gate::join);

		receiver.assertEverySenderInOrder();
	}

	// R11.8
	@Test
	void concurrentProcessesEachKeepTheirOrderAndNoMessageIsLost() {
		Receiver receiver = new Receiver(this.runtime);
		CountDownLatch go = new CountDownLatch(1);

		for (int sender = 0; sender < SENDERS; sender++) {
			int id = sender;
			this.runtime.spawn(() -> {
				Gate.await(go);
				for (int i = 0; i < MESSAGES_PER_SENDER; i++) {
					Self.runtime().send(receiver.pid, new Numbered(id, i));
				}
				return (message) -> {
				};
			});
		}
		go.countDown();

		receiver.assertEverySenderInOrder();
	}

	/** Records, per sender, the sequence numbers in the order the process handled them. */
	private static final class Receiver {

		private final List<List<Integer>> received = new ArrayList<>();

		private final CountDownLatch all = new CountDownLatch(SENDERS * MESSAGES_PER_SENDER);

		private final Pid pid;

		Receiver(OtpRuntime runtime) {
			for (int i = 0; i < SENDERS; i++) {
				this.received.add(new ArrayList<>());
			}
			// Only the process touches the lists; the latch publishes them to the test thread.
			this.pid = runtime.spawn(() -> (message) -> {
				Numbered numbered = (Numbered) message;
				this.received.get(numbered.sender()).add(numbered.sequence());
				this.all.countDown();
			});
		}

		void assertEverySenderInOrder() {
			Gate.await(this.all);
			List<Integer> expected = IntStream.range(0, MESSAGES_PER_SENDER).boxed().toList();
			for (int sender = 0; sender < SENDERS; sender++) {
				assertThat(this.received.get(sender)).as("messages of sender %d", sender).isEqualTo(expected);
			}
		}

	}

}
