package dev.otpspring.spring.autoconfigure;

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
}
