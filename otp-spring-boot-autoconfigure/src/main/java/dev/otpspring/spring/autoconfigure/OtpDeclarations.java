package dev.otpspring.spring.autoconfigure;

import java.util.List;

/**
 * What {@link OtpBeanRegistrar} found while registering bean definitions, for the
 * {@link TreePlanner}: which supervisors came from {@code otp.supervisors.*} properties (so errors
 * can name the property). The {@code @GenServer} classes are read from their proxies' factory
 * beans. A plain list, so that Spring AOT can write the bean definition as code.
 *
 * @param supervisorsFromProperties the names of supervisors declared in properties
 */
record OtpDeclarations(List<String> supervisorsFromProperties) {

	OtpDeclarations {
		supervisorsFromProperties = List.copyOf(supervisorsFromProperties);
	}

}
