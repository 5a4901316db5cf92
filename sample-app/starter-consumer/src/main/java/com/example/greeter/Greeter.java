package com.example.greeter;

import dev.otpspring.spring.annotation.GenServer;

/** Greets people and counts them, in a process of its own under the {@code greeters} supervisor. */
@GenServer(supervisor = "greeters")
public class Greeter {

	private int greeted;

	public String greet(String name) {
		this.greeted++;
		return "Hello, " + name + " (#" + this.greeted + ")";
	}

	public void crash() {
		throw new IllegalStateException("crash requested");
	}

}
