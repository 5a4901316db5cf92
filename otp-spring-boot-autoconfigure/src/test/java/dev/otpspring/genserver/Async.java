package dev.otpspring.genserver;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Runs a blocking client operation on a thread of its own, so the test can act meanwhile. */
final class Async {

	private Async() {
	}

	/** Runs {@code operation} on a new virtual thread, which is no process. */
	static <T> CompletableFuture<T> run(Supplier<T> operation) {
		CompletableFuture<T> result = new CompletableFuture<>();
		Thread.ofVirtual().name("test-caller").start(() -> {
			try {
				result.complete(operation.get());
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		});
		return result;
	}

}
