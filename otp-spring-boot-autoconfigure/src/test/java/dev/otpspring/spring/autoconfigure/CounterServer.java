package dev.otpspring.spring.autoconfigure;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;

import dev.otpspring.spring.annotation.GenServer;

/** A test @GenServer: its field is the state; counts how often Spring built an instance. */
@GenServer("counter")
public class CounterServer {

	static final AtomicInteger instances = new AtomicInteger();

	private int value;

	@PostConstruct
	void constructed() {
		instances.incrementAndGet();
	}

	public int value() {
		return this.value;
	}

	public void increment() {
		this.value++;
	}

	public CompletableFuture<Integer> valueLater() {
		return CompletableFuture.completedFuture(this.value);
	}

	public int crash() {
		throw new IllegalStateException("boom");
	}

}
