package dev.otpspring.spring.autoconfigure;

import dev.otpspring.spring.annotation.GenServer;

/** A test @GenServer with a field that must not leak. */
@GenServer("vault")
public class SecretServer {

	private String password = "hunter2";

	private int opened = 3;

	public int opened() {
		return this.opened;
	}

	public String peek() {
		return this.password.substring(0, 1);
	}

}
