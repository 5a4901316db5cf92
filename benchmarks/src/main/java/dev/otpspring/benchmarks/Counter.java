package dev.otpspring.benchmarks;

import dev.otpspring.genserver.CallResult;
import dev.otpspring.genserver.From;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.Init;
import dev.otpspring.genserver.NoReply;
import dev.otpspring.genserver.Reply;
import dev.otpspring.genserver.Result;

/** The benchmark server: {@code inc} is a cast, {@code get} a call, {@code crash} a cast that throws. */
public final class Counter implements GenServerBehaviour<Counter.Count> {

	/** Adds one. */
	public record Inc() {
	}

	/** Returns the count. */
	public record Get() {
	}

	/** Throws, to crash the counter. */
	public record Crash() {
	}

	public static final Inc INC = new Inc();

	public static final Get GET = new Get();

	public static final Crash CRASH = new Crash();

	/** Mutable on purpose: the state belongs to one process, and a boxed Integer per message would skew the numbers. */
	public static final class Count {

		long value;

	}

	@Override
	public Init<Count> init() {
		return Init.ok(new Count());
	}

	@Override
	public CallResult<Count> handleCall(Object request, From from, Count count) {
		return new Reply<>(count.value, count);
	}

	@Override
	public Result<Count> handleCast(Object request, Count count) {
		if (request instanceof Crash) {
			throw new IllegalStateException("crash requested");
		}
		count.value++;
		return new NoReply<>(count);
	}

}
