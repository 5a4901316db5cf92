package dev.otpspring.spring.autoconfigure;

import java.util.List;
import java.util.Set;

/**
 * What {@link OtpBeanRegistrar} found while registering bean definitions, for the
 * {@link TreePlanner}: the {@code @GenServer} classes, and which supervisors came from
 * {@code otp.supervisors.*} properties (so errors can name the property).
 *
 * @param genServers the {@code @GenServer} classes, in declaration order
 * @param supervisorsFromProperties the names of supervisors declared in properties
 */
record OtpDeclarations(List<GenServerDeclaration> genServers, Set<String> supervisorsFromProperties) {

	OtpDeclarations {
		genServers = List.copyOf(genServers);
		supervisorsFromProperties = Set.copyOf(supervisorsFromProperties);
	}

}
