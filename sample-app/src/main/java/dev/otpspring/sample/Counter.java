package dev.otpspring.sample;

import dev.otpspring.spring.annotation.GenServer;

/**
 * A counter whose value lives in its own process: {@code value()} is a call, {@code inc()} and
 * {@code dec()} are casts. {@code crash()} throws, so the supervisor restarts the counter with a
 * fresh instance — the value starts again at zero.
 */
@GenServer
public class Counter {

	private int value;

	public int value() {
		return this.value;
	}

	public void inc() {
		this.value++;
	}

	public void dec() {
		this.value--;
	}

	public void crash() {
		throw new IllegalStateException("crash requested (value was " + this.value + ")");
	}

}
