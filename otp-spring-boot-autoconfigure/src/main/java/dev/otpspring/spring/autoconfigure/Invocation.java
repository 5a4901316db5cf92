package dev.otpspring.spring.autoconfigure;

import java.lang.reflect.Method;

/**
 * A method call on a {@code @GenServer} proxy, travelling as a message to the process that runs
 * the method on its instance.
 *
 * @param method the method called
 * @param arguments its arguments
 */
record Invocation(Method method, Object[] arguments) {

	/** What a request is, for a metric tag: {@code Class.method} for an invocation, else its simple class name. */
	static String typeOf(Object request) {
		return (request instanceof Invocation invocation) ? invocation.toString() : request.getClass().getSimpleName();
	}

	@Override
	public String toString() {
		return this.method.getDeclaringClass().getSimpleName() + "." + this.method.getName();
	}

}
