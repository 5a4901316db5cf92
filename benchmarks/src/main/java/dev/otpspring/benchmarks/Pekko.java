package dev.otpspring.benchmarks;

import java.time.Duration;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * Starting and stopping the Pekko side. The actor system keeps Pekko's defaults (default
 * dispatcher, default mailbox); only the dead-letter log lines are switched off, as crash logging is
 * off on both sides.
 */
final class Pekko {

	/** As long as our side's default call timeout. */
	static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Config CONFIG = ConfigFactory
		.parseString("pekko.log-dead-letters = off\npekko.log-dead-letters-during-shutdown = off")
		.withFallback(ConfigFactory.load());

	private Pekko() {
	}

	/** An actor system whose guardian spawns actors on request: Pekko's way to start actors from outside. */
	static ActorSystem<SpawnProtocol.Command> system(String name) {
		return ActorSystem.create(SpawnProtocol.create(), name, CONFIG);
	}

	/** An actor system with the given guardian. */
	static <T> ActorSystem<T> system(Behavior<T> guardian, String name) {
		return ActorSystem.create(guardian, name, CONFIG);
	}

	/** Spawns {@code behavior} as a child of the guardian and waits for its ref. */
	static <T> ActorRef<T> spawn(ActorSystem<SpawnProtocol.Command> system, Behavior<T> behavior, String name) {
		return AskPattern
			.<SpawnProtocol.Command, ActorRef<T>>ask(system,
					(replyTo) -> new SpawnProtocol.Spawn<>(behavior, name, Props.empty(), replyTo), TIMEOUT,
					system.scheduler())
			.toCompletableFuture()
			.join();
	}

	/** {@code Get} by ask, waiting for the reply: what a non-actor caller does. */
	static long get(ActorSystem<?> system, ActorRef<PekkoCounter.Command> counter) {
		return AskPattern.<PekkoCounter.Command, Long>ask(counter, PekkoCounter.Get::new, TIMEOUT, system.scheduler())
			.toCompletableFuture()
			.join();
	}

	/** Terminates the system and waits until it has. */
	static void terminate(ActorSystem<?> system) {
		system.terminate();
		system.getWhenTerminated().toCompletableFuture().join();
	}

}
