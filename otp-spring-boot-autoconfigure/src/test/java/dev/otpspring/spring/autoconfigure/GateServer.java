package dev.otpspring.spring.autoconfigure;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.otpspring.spring.annotation.GenServer;

/** A test @GenServer that can be held inside a message until a gate opens, so its mailbox fills. */
@GenServer("gate")
public class GateServer {

	static volatile CountDownLatch entered = new CountDownLatch(1);

	static volatile CountDownLatch gate = new CountDownLatch(1);

	public void hold() throws InterruptedException {
		entered.countDown();
		gate.await(30, TimeUnit.SECONDS);
	}

	public void note() {
	}

}
