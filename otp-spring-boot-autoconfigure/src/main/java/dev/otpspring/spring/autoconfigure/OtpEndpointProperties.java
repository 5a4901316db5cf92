package dev.otpspring.spring.autoconfigure;

import java.util.HashSet;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the {@code otp} Actuator endpoint. */
@ConfigurationProperties("management.endpoint.otp")
public class OtpEndpointProperties {

	/**
	 * When to show the state of processes: never (the default, state may hold secrets),
	 * when-authorized or always. Shown values go through the application's SanitizingFunctions.
	 */
	private Show showState = Show.NEVER;

	/** Roles allowed to see process state when show-state is when-authorized; any authenticated user if empty. */
	private Set<String> roles = new HashSet<>();

	public Show getShowState() {
		return this.showState;
	}

	public void setShowState(Show showState) {
		this.showState = showState;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<String> roles) {
		this.roles = roles;
	}

}
