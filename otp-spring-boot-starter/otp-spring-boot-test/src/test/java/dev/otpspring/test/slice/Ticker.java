package dev.otpspring.test.slice;

import java.time.Duration;

import dev.otpspring.genserver.CallResult;
import dev.otpspring.genserver.From;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.Init;
import dev.otpspring.genserver.NoReply;
import dev.otpspring.genserver.Reply;
import dev.otpspring.genserver.Result;
import dev.otpspring.process.Self;

/** A behaviour-style server with a timer every second, declared as a {@code @Bean @Supervised}. */
public class Ticker implements GenServerBehaviour<Long> {

	static final Duration TICK = Duration.ofSeconds(1);

	@Override
	public Init<Long> init() {
		scheduleTick();
		return Init.ok(0L);
	}

	@Override
	public CallResult<Long> handleCall(Object request, From from, Long ticks) {
		return new Reply<>(ticks, ticks);
	}

	@Override
	public Result<Long> handleInfo(Object message, Long ticks) {
		scheduleTick();
		return new NoReply<>(ticks + 1);
	}

	private static void scheduleTick() {
		Self.runtime().sendAfter(Self.pid(), "tick", TICK);
	}

}
