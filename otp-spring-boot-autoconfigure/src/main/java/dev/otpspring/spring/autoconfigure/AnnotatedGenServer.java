package dev.otpspring.spring.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import dev.otpspring.genserver.CallResult;
import dev.otpspring.genserver.From;
import dev.otpspring.genserver.GenServerBehaviour;
import dev.otpspring.genserver.Init;
import dev.otpspring.genserver.NoReply;
import dev.otpspring.genserver.Reply;
import dev.otpspring.genserver.Result;
import dev.otpspring.process.ExitReason;
import dev.otpspring.process.Self;

/**
 * Runs a {@code @GenServer} class as a GenServer: the state is a fresh instance of the class,
 * created by Spring inside the process on every start and restart, and the messages are the
 * {@link Invocation}s its proxy sends.
 */
final class AnnotatedGenServer implements GenServerBehaviour<Object> {

	private final GenServerType type;

	private final Supplier<Object> instances;

	/**
	 * @param instances creates a new, fully injected instance (the prototype bean)
	 */
	AnnotatedGenServer(GenServerType type, Supplier<Object> instances) {
		this.type = type;
		this.instances = instances;
	}

	@Override
	public Init<Object> init() throws Exception {
		if (this.type.trapsExits()) {
			Self.trapExits(true);
		}
		Object instance = this.instances.get(); // constructor injection and @PostConstruct, inside the process
		for (Method hook : this.type.initHooks()) {
			invoke(instance, hook);
		}
		return Init.ok(instance);
	}

	@Override
	public CallResult<Object> handleCall(Object request, From from, Object instance) throws Exception {
		Invocation invocation = invocation(request);
		Object result = invoke(instance, invocation.method(), invocation.arguments());
		if (this.type.kind(invocation.method()) == GenServerType.Kind.ASYNC_CALL && result != null) {
			// Reply when the future completes, without blocking the process (a deferred reply, R11.5).
			((CompletionStage<?>) result).whenComplete((value, failure) -> from
				.reply((failure != null) ? new AsyncFailure(unwrap(failure)) : value));
			return new NoReply<>(instance);
		}
		return new Reply<>(result, instance);
	}

	@Override
	public Result<Object> handleCast(Object request, Object instance) throws Exception {
		Invocation invocation = invocation(request);
		invoke(instance, invocation.method(), invocation.arguments());
		return new NoReply<>(instance);
	}

	@Override
	public Result<Object> handleInfo(Object message, Object instance) throws Exception {
		Method handler = this.type.infoHandler(message.getClass());
		if (handler == null) {
			return GenServerBehaviour.super.handleInfo(message, instance);
		}
		invoke(instance, handler, message);
		return new NoReply<>(instance);
	}

	@Override
	public void terminate(ExitReason reason, Object instance) throws Exception {
		for (Method hook : this.type.terminateHooks()) {
			if (hook.getParameterCount() == 1) {
				invoke(instance, hook, reason);
			}
			else {
				invoke(instance, hook);
			}
		}
	}

	private Invocation invocation(Object request) {
		if (request instanceof Invocation invocation) {
			return invocation;
		}
		throw new IllegalArgumentException(this.type.type().getName() + " is a @GenServer: talk to it through its proxy, "
				+ "not with " + request.getClass().getName());
	}

	/** Runs a method; what it throws propagates unwrapped and crashes the process. */
	private static Object invoke(Object instance, Method method, Object... arguments) throws Exception {
		try {
			return method.invoke(instance, arguments);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof Exception exception) {
				throw exception;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	@Override
	public String toString() {
		return "@GenServer " + this.type.type().getName();
	}

}
