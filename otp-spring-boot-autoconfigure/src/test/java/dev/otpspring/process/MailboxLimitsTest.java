package dev.otpspring.process;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import dev.otpspring.genserver.GenServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bounded mailboxes, beyond OTP: reject or drop when full, signals always get through, a warning at depth. */
class MailboxLimitsTest {

	private final OtpRuntime runtime = OtpRuntime.create();

	private final CountDownLatch release = new CountDownLatch(1);

	private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

	@AfterEach
	void close() {
		this.release.countDown();
		this.runtime.close();
	}

	/** A process stuck in its first message until released, so later messages stay queued. */
	private Pid blockedProcess(MailboxLimits limits) throws InterruptedException {
		CountDownLatch busy = new CountDownLatch(1);
		Pid pid = this.runtime.spawn(() -> {
			Self.trapExits(true);
			return (message) -> {
				if ("block".equals(message)) {
					busy.countDown();
					this.release.await();
				}
				this.received.add(message);
			};
		}, SpawnOptions.DEFAULTS.withMailbox(limits));
		this.runtime.send(pid, "block");
		assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
		return pid;
	}

	@Test
	void aFullRejectingMailboxRefusesTheSendWithATypedException() throws Exception {
		Pid pid = blockedProcess(MailboxLimits.bounded(2, MailboxLimits.Overflow.REJECT));
		assertThat(this.runtime.send(pid, "one")).isTrue();
		assertThat(this.runtime.send(pid, "two")).isTrue();
		assertThatThrownBy(() -> this.runtime.send(pid, "three")).isInstanceOf(MailboxFullException.class)
			.hasMessageContaining(pid.toString()).hasMessageContaining("java.lang.String");
		this.release.countDown();
		assertThat(this.received.poll(10, TimeUnit.SECONDS)).isEqualTo("block");
		assertThat(this.received.poll(10, TimeUnit.SECONDS)).isEqualTo("one");
		assertThat(this.received.poll(10, TimeUnit.SECONDS)).isEqualTo("two"); // nothing lost but the refused one
	}

	@Test
	void aFullDroppingMailboxDropsAndCountsADeadLetter() throws Exception {
		Pid pid = blockedProcess(MailboxLimits.bounded(1, MailboxLimits.Overflow.DROP));
		long deadLetters = this.runtime.deadLetterCount();
		assertThat(this.runtime.send(pid, "kept")).isTrue();
		assertThat(this.runtime.send(pid, "dropped")).isFalse();
		assertThat(this.runtime.deadLetterCount()).isEqualTo(deadLetters + 1);
	}

	@Test
	void aCallIsRefusedEvenByADroppingMailboxRatherThanLeftWithoutAnswer() throws Exception {
		Pid pid = blockedProcess(MailboxLimits.bounded(1, MailboxLimits.Overflow.DROP));
		this.runtime.send(pid, "kept");
		assertThatThrownBy(() -> GenServer.call(pid, "question", Duration.ofMinutes(5)))
			.isInstanceOf(MailboxFullException.class);
	}

	@Test
	void exitSignalsAndDownsGetThroughAFullMailbox() throws Exception {
		Pid pid = blockedProcess(MailboxLimits.bounded(1, MailboxLimits.Overflow.REJECT));
		this.runtime.send(pid, "fills it");
		this.runtime.exit(pid, ExitReason.of("signal")); // trapped: arrives as an Exit message (R13.1)
		this.release.countDown();
		assertThat(this.received.poll(10, TimeUnit.SECONDS)).isEqualTo("block");
		assertThat(this.received.poll(10, TimeUnit.SECONDS)).isEqualTo("fills it");
		assertThat(this.received.poll(10, TimeUnit.SECONDS)).isEqualTo(new Exit(null, ExitReason.of("signal")));
	}

	@Test
	void aWarningIsLoggedOnceWhenTheQueueReachesTheWarningDepth() throws Exception {
		Logger logger = (Logger) LoggerFactory.getLogger(ProcessCell.class);
		ListAppender<ILoggingEvent> logs = new ListAppender<>();
		logs.start();
		logger.addAppender(logs);
		try {
			Pid pid = blockedProcess(MailboxLimits.UNBOUNDED.withWarningDepth(3));
			for (int i = 0; i < 10; i++) {
				this.runtime.send(pid, i);
			}
			assertThat(logs.list).filteredOn((event) -> event.getFormattedMessage().contains("warning depth 3"))
				.hasSize(1)
				.first()
				.satisfies((event) -> assertThat(event.getFormattedMessage()).contains(pid.toString()));
		}
		finally {
			logger.detachAppender(logs);
		}
	}

}
