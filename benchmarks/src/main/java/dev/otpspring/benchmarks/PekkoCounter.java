package dev.otpspring.benchmarks;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The Pekko twin of {@link Counter}: a typed {@link AbstractBehavior} on the default dispatcher and
 * mailbox. {@code Inc} is a tell, {@code Get} a request with a reply-to (an ask from outside an
 * actor), {@code Crash} a tell that throws.
 */
public final class PekkoCounter extends AbstractBehavior<PekkoCounter.Command> {

	/** The counter's protocol. */
	public sealed interface Command {
	}

	/** Adds one. */
	public record Inc() implements Command {
	}

	/** Replies with the count. */
	public record Get(ActorRef<Long> replyTo) implements Command {
	}

	/** Throws, to crash the counter. */
	public record Crash() implements Command {
	}

	public static final Inc INC = new Inc();

	public static final Crash CRASH = new Crash();

	/** Same representation as {@link Counter.Count}: a mutable long owned by the actor. */
	private long count;

	private PekkoCounter(ActorContext<Command> context) {
		super(context);
	}

	/** A fresh counter at zero; under a restart supervisor each restart runs this again. */
	public static Behavior<Command> create() {
		return Behaviors.setup(PekkoCounter::new);
	}

	@Override
	public Receive<Command> createReceive() {
		return newReceiveBuilder()
			.onMessage(Inc.class, (inc) -> {
				this.count++;
				return this;
			})
			.onMessage(Get.class, (get) -> {
				get.replyTo().tell(this.count);
				return this;
			})
			.onMessage(Crash.class, (crash) -> {
				throw new IllegalStateException("crash requested");
			})
			.build();
	}

}
