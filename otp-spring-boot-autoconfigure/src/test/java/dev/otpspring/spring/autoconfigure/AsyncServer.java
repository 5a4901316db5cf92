package dev.otpspring.spring.autoconfigure;

import java.util.concurrent.CompletableFuture;

import dev.otpspring.spring.annotation.GenServer;

/** A test @GenServer whose methods return futures. */
@GenServer
public class AsyncServer {

	public CompletableFuture<Integer> answer() {
		return CompletableFuture.completedFuture(42);
	}

	public CompletableFuture<Integer> failLater() {
		return CompletableFuture.failedFuture(new IllegalArgumentException("later"));
	}

}
