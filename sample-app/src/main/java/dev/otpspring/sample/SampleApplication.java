package dev.otpspring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample app: Programming Phoenix's chapter 11 ("OTP") told in Spring. Each package holds one
 * story, smallest first:
 * <ul>
 * <li>{@code counter} — an annotation-style {@code @GenServer}; crash it and it restarts at zero;</li>
 * <li>{@code cache} — an {@code Agent} injected as a bean;</li>
 * <li>{@code infosys} — a search fanned out to temporary workers under a dynamic supervisor, with a
 * deadline, and behaviour-style search statistics that tick every second;</li>
 * <li>{@code payments} — {@code rest_for_one}: a gateway that depends on a ledger;</li>
 * <li>{@code pricing} — {@code one_for_all}: two services that fill one shared cache;</li>
 * <li>{@code crash} — one endpoint to crash any process, for the live page at {@code /}.</li>
 * </ul>
 * The supervisors are declared in {@code application.yaml}.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
