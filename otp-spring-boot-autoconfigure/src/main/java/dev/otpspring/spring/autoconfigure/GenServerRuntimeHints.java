package dev.otpspring.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Reflection hints for the {@code @GenServer} classes of an application processed ahead of time:
 * the proxy hands each method call to the process, which invokes the method on its own instance
 * reflectively, as it does the {@code @OnInit}, {@code @OnTerminate} and {@code @HandleInfo}
 * methods, which may be private.
 */
final class GenServerRuntimeHints implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		List<Class<?>> types = new ArrayList<>();
		for (String factoryName : beanFactory.getBeanNamesForType(GenServerProxyFactoryBean.class, true, false)) {
			types.add(beanFactory.getBean(factoryName, GenServerProxyFactoryBean.class).declaration().type().type());
		}
		if (types.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> types.forEach((type) -> generationContext.getRuntimeHints()
			.reflection()
			.registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS, MemberCategory.INVOKE_DECLARED_METHODS));
	}

}
