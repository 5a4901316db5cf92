package dev.otpspring.spring.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;

import dev.otpspring.process.OtpRuntime;
import dev.otpspring.spring.OtpSupervisionTree;

/**
 * Produces the proxy bean of a {@code @GenServer} class. A {@code FactoryBean}, so the proxy is
 * not itself post-processed as if it were the server: its {@code @PostConstruct} and
 * {@code @Autowired} members belong to the real instances inside the process.
 */
final class GenServerProxyFactoryBean implements FactoryBean<Object>, BeanFactoryAware {

	private final GenServerDeclaration declaration;

	private BeanFactory beanFactory;

	GenServerProxyFactoryBean(GenServerDeclaration declaration) {
		this.declaration = declaration;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public Object getObject() {
		return GenServerProxy.create(this.declaration.type(), this.declaration.processName(),
				() -> this.beanFactory.getBean(OtpRuntime.class).named(this.declaration.processName()),
				() -> this.beanFactory.getBean(OtpSupervisionTree.class));
	}

	@Override
	public Class<?> getObjectType() {
		return this.declaration.type().type();
	}

}
