package dev.otpspring.spring.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

import dev.otpspring.process.ExitReason;
import dev.otpspring.spring.annotation.Call;
import dev.otpspring.spring.annotation.Cast;
import dev.otpspring.spring.annotation.GenServer;
import dev.otpspring.spring.annotation.HandleInfo;
import dev.otpspring.spring.annotation.OnInit;
import dev.otpspring.spring.annotation.OnTerminate;

/**
 * What a {@code @GenServer} class looks like to the runtime, worked out once at startup: which
 * methods are calls, casts or asynchronous calls, their timeouts, and the lifecycle hooks.
 * Invalid classes are rejected here, naming the bean and the method.
 */
final class GenServerType {

	/** How the proxy turns a method into a message. */
	enum Kind {

		/** Waits for the result. */
		CALL,

		/** Returns at once. */
		CAST,

		/** Returns a {@code CompletableFuture} completed with the result. */
		ASYNC_CALL

	}

	private final Class<?> type;

	private final Map<Method, Kind> kinds = new HashMap<>();

	private final Map<Method, Duration> timeouts = new HashMap<>();

	private final List<Method> initHooks = new ArrayList<>();

	private final List<Method> terminateHooks = new ArrayList<>();

	/** Most specific parameter type first. */
	private final List<Method> infoHandlers = new ArrayList<>();

	private final Map<Class<?>, Method> infoHandlerCache = new ConcurrentHashMap<>();

	private GenServerType(Class<?> type) {
		this.type = type;
	}

	/**
	 * @param beanName the bean, for error messages
	 * @param defaultTimeout {@code otp.call-timeout}
	 */
	static GenServerType of(Class<?> type, String beanName, Duration defaultTimeout) {
		String subject = "@GenServer bean '" + beanName + "' (" + type.getName() + ")";
		if (Modifier.isFinal(type.getModifiers())) {
			throw new OtpConfigurationException(subject, "the class is final, so it cannot be proxied",
					"Remove 'final' from the class: callers get a subclass proxy that turns methods into messages.");
		}
		if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
			throw new OtpConfigurationException(subject, "the class is abstract, so no instance can be created",
					"Annotate a concrete class with @GenServer.");
		}
		GenServer annotation = AnnotatedElementUtils.findMergedAnnotation(type, GenServer.class);
		Duration classTimeout = (annotation != null && StringUtils.hasText(annotation.callTimeout()))
				? Durations.timeout(annotation.callTimeout(), subject + " callTimeout") : defaultTimeout;
		GenServerType result = new GenServerType(type);
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, GenServerType::isCandidate)) {
			result.classify(method, subject, classTimeout);
		}
		result.infoHandlers.sort(Comparator.comparingInt((Method handler) -> depth(handler.getParameterTypes()[0])).reversed());
		return result;
	}

	private static boolean isCandidate(Method method) {
		return method.getDeclaringClass() != Object.class && !Modifier.isStatic(method.getModifiers())
				&& !method.isSynthetic() && !method.isBridge() && !Modifier.isPrivate(method.getModifiers());
	}

	private void classify(Method method, String subject, Duration classTimeout) {
		String where = subject + " method " + method.getName();
		if (hasHook(method, where)) {
			return;
		}
		if (!Modifier.isPublic(method.getModifiers())) {
			return; // only public methods are the server's interface
		}
		if (Modifier.isFinal(method.getModifiers())) {
			throw new OtpConfigurationException(where, "the method is final, so the proxy cannot send it to the process",
					"Remove 'final' from the method.");
		}
		boolean cast = AnnotatedElementUtils.hasAnnotation(method, Cast.class);
		Call call = AnnotatedElementUtils.findMergedAnnotation(method, Call.class);
		boolean asynchronous = CompletionStage.class.isAssignableFrom(method.getReturnType());
		if (cast && (call != null || method.getReturnType() != void.class)) {
			throw new OtpConfigurationException(where, "@Cast methods must return void and cannot also be @Call",
					"Return void from a cast, or make it a call.");
		}
		Kind kind = asynchronous ? Kind.ASYNC_CALL
				: (cast || (call == null && method.getReturnType() == void.class)) ? Kind.CAST : Kind.CALL;
		if (asynchronous && !method.getReturnType().isAssignableFrom(java.util.concurrent.CompletableFuture.class)) {
			throw new OtpConfigurationException(where, "asynchronous methods must return CompletableFuture or CompletionStage",
					"Declare the return type as CompletableFuture<T>.");
		}
		this.kinds.put(method, kind);
		this.timeouts.put(method, (call != null && StringUtils.hasText(call.timeout()))
				? Durations.timeout(call.timeout(), where + " @Call timeout") : classTimeout);
	}

	private boolean hasHook(Method method, String where) {
		if (AnnotatedElementUtils.hasAnnotation(method, OnInit.class)) {
			requireParameters(method, where, "@OnInit", 0);
			this.initHooks.add(accessible(method));
			return true;
		}
		if (AnnotatedElementUtils.hasAnnotation(method, OnTerminate.class)) {
			if (method.getParameterCount() > 1
					|| (method.getParameterCount() == 1 && method.getParameterTypes()[0] != ExitReason.class)) {
				throw new OtpConfigurationException(where, "@OnTerminate methods take no parameter or one ExitReason",
						"Declare it as void " + method.getName() + "() or void " + method.getName() + "(ExitReason reason).");
			}
			this.terminateHooks.add(accessible(method));
			return true;
		}
		if (AnnotatedElementUtils.hasAnnotation(method, HandleInfo.class)) {
			requireParameters(method, where, "@HandleInfo", 1);
			this.infoHandlers.add(accessible(method));
			return true;
		}
		return false;
	}

	private static void requireParameters(Method method, String where, String annotation, int count) {
		if (method.getParameterCount() != count) {
			throw new OtpConfigurationException(where, annotation + " methods take " + count + " parameter(s), this one takes "
					+ method.getParameterCount(), "Change the method's parameters.");
		}
	}

	private static Method accessible(Method method) {
		ReflectionUtils.makeAccessible(method);
		return method;
	}

	private static int depth(Class<?> type) {
		int depth = 0;
		for (Class<?> current = type; current != null; current = current.getSuperclass()) {
			depth++;
		}
		return depth + ClassUtils.getAllInterfacesForClassAsSet(type).size();
	}

	Class<?> type() {
		return this.type;
	}

	/** How a proxied method travels, or {@code null} if it is not part of the server's interface (a hook). */
	Kind kind(Method method) {
		return this.kinds.get(method);
	}

	Duration timeout(Method method) {
		return this.timeouts.get(method);
	}

	List<Method> initHooks() {
		return this.initHooks;
	}

	List<Method> terminateHooks() {
		return this.terminateHooks;
	}

	/** Shutdowns reach {@code @OnTerminate} only if the process traps exits (R7.3). */
	boolean trapsExits() {
		return !this.terminateHooks.isEmpty();
	}

	/** The {@code @HandleInfo} method for a message of this class, or {@code null}. */
	Method infoHandler(Class<?> messageType) {
		Method handler = this.infoHandlerCache.computeIfAbsent(messageType, (key) -> this.infoHandlers.stream()
			.filter((candidate) -> ClassUtils.isAssignable(candidate.getParameterTypes()[0], key))
			.findFirst()
			.orElse(NO_HANDLER));
		return (handler != NO_HANDLER) ? handler : null;
	}

	/** Caches "no handler" (a concurrent map cannot hold null). */
	private static final Method NO_HANDLER = ReflectionUtils.findMethod(GenServerType.class, "noHandler");

	@SuppressWarnings("unused") // only a marker
	private static void noHandler() {
	}

}
