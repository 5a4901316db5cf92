package dev.otpspring.spring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.spring.OtpSupervisionTree;

/**
 * Produces the proxy bean of a {@code @GenServer} class. A {@code FactoryBean}, so the proxy is
 * not itself post-processed as if it were the server: its {@code @PostConstruct} and
 * {@code @Autowired} members belong to the real instances inside the process.
 * <p>
 * Its bean definition holds only plain values (names, the class, the default call timeout), so
 * that Spring AOT can write it as code; the declaration is read again from the class.
 *
 * @param <T> the {@code @GenServer} class
 */
final class GenServerProxyFactoryBean<T> implements FactoryBean<T>, BeanFactoryAware {

	private final GenServerDeclaration declaration;

	private @Nullable BeanFactory beanFactory;

	GenServerProxyFactoryBean(String beanName, String targetBeanName, Class<T> type, String defaultCallTimeout) {
		this.declaration = GenServerDeclaration.of(beanName, targetBeanName, type, Duration.parse(defaultCallTimeout));
	}

	/** The bean definition of the proxy for {@code declaration}, typed so that injection by class finds it. */
	static RootBeanDefinition definition(GenServerDeclaration declaration, Duration defaultCallTimeout) {
		Class<?> type = declaration.type().type();
		RootBeanDefinition definition = new RootBeanDefinition(GenServerProxyFactoryBean.class);
		definition.setTargetType(ResolvableType.forClassWithGenerics(GenServerProxyFactoryBean.class, type));
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, declaration.beanName());
		definition.getConstructorArgumentValues().addIndexedArgumentValue(1, declaration.targetBeanName());
		definition.getConstructorArgumentValues().addIndexedArgumentValue(2, type);
		definition.getConstructorArgumentValues().addIndexedArgumentValue(3, defaultCallTimeout.toString());
		return definition;
	}

	/** What the class declares: name, supervisor, restart, shutdown, order and its methods. */
	GenServerDeclaration declaration() {
		return this.declaration;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	@SuppressWarnings("unchecked")
	public T getObject() {
		BeanFactory beans = this.beanFactory;
		if (beans == null) {
			throw new IllegalStateException("No bean factory for the proxy of " + this.declaration.beanName());
		}
		return (T) GenServerProxy.create(this.declaration.type(), this.declaration.processName(),
				() -> beans.getBean(OtpRuntime.class).named(this.declaration.processName()),
				() -> beans.getBean(OtpSupervisionTree.class));
	}

	@Override
	public Class<?> getObjectType() {
		return this.declaration.type().type();
	}

}
