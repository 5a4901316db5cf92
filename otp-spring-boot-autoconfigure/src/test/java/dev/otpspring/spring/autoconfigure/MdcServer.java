package dev.otpspring.spring.autoconfigure;

import org.slf4j.MDC;

import dev.otpspring.spring.annotation.GenServer;

/** A test @GenServer that tells what its handler's logs would carry. */
@GenServer("mdc")
public class MdcServer {

	public String requestId() {
		return String.valueOf(MDC.get("request.id"));
	}

}
