package dev.otpspring.spring.autoconfigure;

import java.time.Duration;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;

import dev.otpspring.spring.annotation.GenServer;
import dev.otpspring.supervisor.RestartType;
import dev.otpspring.supervisor.Shutdown;

/**
 * A {@code @GenServer} class found at startup.
 *
 * @param beanName the bean other beans inject: the proxy
 * @param targetBeanName the prototype bean that builds a fresh instance for each (re)start
 * @param processName the registered name
 * @param supervisor the supervisor it runs under
 * @param restart its restart type
 * @param shutdown its shutdown
 * @param order its start position
 * @param type the class, analysed
 */
record GenServerDeclaration(String beanName, String targetBeanName, String processName, String supervisor,
		RestartType restart, Shutdown shutdown, int order, GenServerType type) {

	/**
	 * Reads the {@code @GenServer} annotation of {@code type} and analyses the class.
	 * @throws OtpConfigurationException if the class or its annotation is not usable
	 */
	static GenServerDeclaration of(String beanName, String targetBeanName, Class<?> type, Duration defaultCallTimeout) {
		GenServer annotation = AnnotatedElementUtils.findMergedAnnotation(type, GenServer.class);
		if (annotation == null) {
			throw new IllegalArgumentException(type.getName() + " is not annotated with @GenServer");
		}
		String subject = "@GenServer bean '" + beanName + "' (" + type.getName() + ")";
		return new GenServerDeclaration(beanName, targetBeanName,
				StringUtils.hasText(annotation.name()) ? annotation.name() : beanName, annotation.supervisor(),
				annotation.restart(), Durations.shutdown(annotation.shutdown(), subject + " shutdown"), annotation.order(),
				GenServerType.of(type, beanName, defaultCallTimeout));
	}

}
