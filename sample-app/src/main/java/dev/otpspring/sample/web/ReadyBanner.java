package dev.otpspring.sample.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where the sample app answers once it does, with the real port (also for {@code --server.port=0}). */
@Component
class ReadyBanner {

	private static final Logger logger = LoggerFactory.getLogger(ReadyBanner.class);

	@EventListener
	void ready(ApplicationReadyEvent event) {
		String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
		if (port != null) {
			logger.info("Sample app ready: http://localhost:{}/ (the live supervision tree; APIs under /api, Actuator under /actuator)", port);
		}
	}

}
