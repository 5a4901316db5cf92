package dev.otpspring.test;

import dev.otpspring.genserver.CallResult;
import dev.otpspring.genserver.From;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.Init;
import dev.otpspring.genserver.Reply;

/** A GenServer for the kit's tests: answers a call with the request, and crashes on "crash". */
class EchoServer implements GenServerBehaviour<Integer> {

	@Override
	public Init<Integer> init() {
		return Init.ok(0);
	}

	@Override
	public CallResult<Integer> handleCall(Object request, From from, Integer calls) {
		if ("crash".equals(request)) {
			throw new IllegalStateException("crash requested");
		}
		return new Reply<>(request, calls + 1);
	}

}
