package dev.otpspring.sample.counter;

import dev.otpspring.spring.annotation.GenServer;

/**
 * A counter whose value lives in its own process — the "hello world" of OTP, written the Spring
 * way. Its fields are the process state; other beans inject a proxy that turns each method into
 * a message: {@code value()} returns something, so it is a <em>call</em> (the caller waits for the
 * answer); {@code inc()} and {@code dec()} return nothing, so they are <em>casts</em> (sent, not
 * awaited).
 * <p>
 * {@code crash()} throws inside the process. The supervisor ({@code root}, one-for-one) then
 * builds a <em>fresh instance</em> under a new Pid: the value starts again at zero, exactly as an
 * Elixir GenServer restarts in its initial state.
 */
@GenServer
public class Counter {

	// No lock, no volatile: only the counter's own process ever touches this field.
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
