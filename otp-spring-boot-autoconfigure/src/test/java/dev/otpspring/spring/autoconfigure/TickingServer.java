package dev.otpspring.spring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Self;
import dev.otpspring.spring.annotation.Call;
import dev.otpspring.spring.annotation.Cast;
import dev.otpspring.spring.annotation.GenServer;
import dev.otpspring.spring.annotation.HandleInfo;
import dev.otpspring.spring.annotation.OnInit;
import dev.otpspring.spring.annotation.OnTerminate;

/** A test @GenServer using the lifecycle hooks: a timer armed in @OnInit, info messages, terminate. */
@GenServer(name = "ticker", callTimeout = "2s")
public class TickingServer {

	static final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

	record Tick(int number) {
	}

	private int ticks;

	@OnInit
	void start() {
		events.add("init in " + (Self.inProcess() ? "process" : "caller"));
		Self.runtime().sendAfter(Self.pid(), new Tick(1), Duration.ofMillis(1));
	}

	@HandleInfo
	void tick(Tick tick) {
		this.ticks++;
		events.add(tick);
	}

	@HandleInfo
	void anything(Object message) {
		events.add("other " + message);
	}

	@OnTerminate
	void stop(ExitReason reason) {
		events.add("terminate " + reason);
	}

	public int ticks() {
		return this.ticks;
	}

	@Call(timeout = "3s")
	public void sync() {
		events.add("sync ran");
	}

	@Cast
	public void fireAndForget() {
		events.add("cast ran");
	}

}
