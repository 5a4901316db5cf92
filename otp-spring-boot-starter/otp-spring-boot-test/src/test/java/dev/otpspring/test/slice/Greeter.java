package dev.otpspring.test.slice;

import dev.otpspring.spring.annotation.GenServer;

/** An annotation-style server the slice must include. */
@GenServer
public class Greeter {

	private int greeted;

	public String greet(String name) {
		this.greeted++;
		return "Hello " + name + " (#" + this.greeted + ")";
	}

	public void crash() {
		throw new IllegalStateException("crash requested");
	}

}
