package dev.otpspring.spring.autoconfigure;

import org.springframework.stereotype.Component;

import dev.otpspring.genserver.CallResult;
import dev.otpspring.genserver.From;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.Init;
import dev.otpspring.genserver.Reply;
import dev.otpspring.spring.annotation.Supervised;

/** A behaviour-style server declared with @Supervised on its class rather than on a @Bean method. */
@Component
@Supervised(name = "ticker-on-class", restart = dev.otpspring.supervisor.RestartType.TRANSIENT)
public class SupervisedTicker implements GenServerBehaviour<Integer> {

	@Override
	public Init<Integer> init() {
		return Init.ok(0);
	}

	@Override
	public CallResult<Integer> handleCall(Object request, From from, Integer calls) {
		return new Reply<>(calls + 1, calls + 1);
	}

}
