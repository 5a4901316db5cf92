package dev.otpspring.process;

import java.util.Objects;

/**
 * A registry key for per-key processes, the counterpart of Elixir's
 * {@code {:via, Registry, {registry, key}}}: one process per {@code (scope, key)}.
 *
 * <pre>{@code
 * GenServer.start(runtime, new Session(userId), GenServerOptions.named(new Via("session", userId)));
 * GenServer.call(runtime.named(new Via("session", userId)), new Touch());
 * }</pre>
 *
 * @param scope the kind of process the key belongs to, such as {@code "session"}
 * @param key the key within that scope
 */
public record Via(String scope, Object key) {

	public Via {
		Objects.requireNonNull(scope, "scope must not be null");
		Objects.requireNonNull(key, "key must not be null");
	}

	@Override
	public String toString() {
		return "{via, " + this.scope + ", " + this.key + "}";
	}

}
