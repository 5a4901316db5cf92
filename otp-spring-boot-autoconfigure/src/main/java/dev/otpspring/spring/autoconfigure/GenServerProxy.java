package dev.otpspring.spring.autoconfigure;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.target.EmptyTargetSource;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.process.RegisteredName;
import dev.otpspring.spring.OtpSupervisionTree;

/**
 * The object other beans get when they inject a {@code @GenServer} class: each method call
 * becomes a message to the process currently registered under the server's name.
 */
final class GenServerProxy implements MethodInterceptor {

	private final GenServerType type;

	private final String name;

	private final Supplier<RegisteredName> ref;

	private final Supplier<OtpSupervisionTree> tree;

	private GenServerProxy(GenServerType type, String name, Supplier<RegisteredName> ref, Supplier<OtpSupervisionTree> tree) {
		this.type = type;
		this.name = name;
		this.ref = ref;
		this.tree = tree;
	}

	/** A subclass of the server's class whose every public method sends a message. */
	static Object create(GenServerType type, String name, Supplier<RegisteredName> ref, Supplier<OtpSupervisionTree> tree) {
		ProxyFactory factory = new ProxyFactory();
		factory.setTargetSource(EmptyTargetSource.forClass(type.type()));
		factory.setProxyTargetClass(true);
		factory.setOpaque(true);
		factory.addAdvice(new GenServerProxy(type, name, ref, tree));
		factory.setFrozen(true);
		return factory.getProxy(type.type().getClassLoader());
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		if (AopUtils.isToStringMethod(method)) {
			return "GenServer proxy for '" + this.name + "' (" + this.type.type().getName() + ")";
		}
		if (AopUtils.isEqualsMethod(method)) {
			return invocation.getThis() == invocation.getArguments()[0];
		}
		if (AopUtils.isHashCodeMethod(method)) {
			return System.identityHashCode(invocation.getThis());
		}
		GenServerType.Kind kind = this.type.kind(method);
		if (kind == null) {
			throw new UnsupportedOperationException(method + " is not part of the server's interface: the process "
					+ "calls its own @OnInit, @HandleInfo and @OnTerminate methods; other methods must be public");
		}
		this.tree.get().checkCallable(this.name);
		Invocation message = new Invocation(method, invocation.getArguments());
		return switch (kind) {
			case CAST -> {
				GenServer.cast(this.ref.get(), message);
				yield null;
			}
			case CALL -> GenServer.call(this.ref.get(), message, this.type.timeout(method));
			case ASYNC_CALL -> callAsync(message, method);
		};
	}

	/** An asynchronous call: no thread waits; the reply (or failure) completes the future. */
	private CompletableFuture<Object> callAsync(Invocation message, Method method) {
		return GenServer.callAsync(this.ref.get(), message, this.type.timeout(method)).thenCompose((reply) ->
				(reply instanceof AsyncFailure failure) ? CompletableFuture.failedFuture(failure.cause())
						: CompletableFuture.completedFuture(reply));
	}

}
