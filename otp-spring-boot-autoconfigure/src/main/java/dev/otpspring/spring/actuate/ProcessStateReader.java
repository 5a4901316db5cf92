package dev.otpspring.spring.actuate;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.util.ReflectionUtils;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.process.OtpException;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.Pid;

/**
 * Reads a GenServer's state for the endpoint, as {@code sys:get_state} does, and turns it into
 * named values passed through the application's {@code SanitizingFunction}s, like the
 * {@code env} endpoint's values: a map by its keys, a record by its components, any other object
 * by its fields.
 */
final class ProcessStateReader {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private final OtpRuntime runtime;

	private final Sanitizer sanitizer;

	ProcessStateReader(OtpRuntime runtime, Sanitizer sanitizer) {
		this.runtime = runtime;
		this.sanitizer = sanitizer;
	}

	Object read(Pid pid) {
		Object state;
		try {
			state = GenServer.getState(pid, TIMEOUT);
		}
		catch (OtpException ex) {
			return "(unavailable: " + ex.getMessage() + ")";
		}
		Map<String, Object> values = new LinkedHashMap<>();
		if (state == null || state instanceof CharSequence || state instanceof Number || state instanceof Boolean
				|| state instanceof Enum<?>) {
			values.put("value", state);
		}
		else if (state instanceof Map<?, ?> map) {
			map.forEach((key, value) -> values.put(String.valueOf(key), value));
		}
		else if (state.getClass().isRecord()) {
			for (RecordComponent component : state.getClass().getRecordComponents()) {
				values.put(component.getName(), ReflectionUtils.invokeMethod(component.getAccessor(), state));
			}
		}
		else {
			ReflectionUtils.doWithFields(state.getClass(), (field) -> values.put(field.getName(), read(field, state)),
					(field) -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic());
		}
		Map<String, Object> sanitized = new LinkedHashMap<>();
		values.forEach((key, value) -> sanitized.put(key,
				this.sanitizer.sanitize(new SanitizableData(null, key, String.valueOf(value)), true)));
		return sanitized;
	}

	private static Object read(Field field, Object target) {
		ReflectionUtils.makeAccessible(field);
		return ReflectionUtils.getField(field, target);
	}

	OtpRuntime runtime() {
		return this.runtime;
	}

}
