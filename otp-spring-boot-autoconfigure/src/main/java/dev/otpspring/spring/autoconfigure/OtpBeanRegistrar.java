package dev.otpspring.spring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import dev.otpspring.spring.AbstractSupervisorDefinition;
import dev.otpspring.spring.DynamicSupervisorDefinition;
import dev.otpspring.spring.SupervisorDefinition;
import dev.otpspring.spring.annotation.GenServer;
import dev.otpspring.supervisor.DynamicSupervisor;
import dev.otpspring.supervisor.Strategy;
import dev.otpspring.supervisor.Supervisor;

/**
 * Rewrites the bean definitions the OTP tree needs, before any bean is created:
 * <ul>
 * <li>each {@code @GenServer} class becomes a prototype bean (a fresh instance per process
 * start), and its original bean name now holds the proxy that other beans inject;</li>
 * <li>each {@code otp.supervisors.<name>} entry becomes a supervisor definition bean of that
 * name, injectable as a {@link Supervisor} or {@link DynamicSupervisor} handle; a default
 * {@code root} is added when none is declared.</li>
 * </ul>
 * Bad configuration fails here, naming the property or class.
 */
final class OtpBeanRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, BeanClassLoaderAware {

	static final String ROOT = "root";

	static final String DECLARATIONS_BEAN_NAME = "otpDeclarations";

	private static final String TARGET_PREFIX = "otp.genServerTarget.";

	private Environment environment;

	private ClassLoader classLoader;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		OtpProperties properties = Binder.get(this.environment).bind("otp", OtpProperties.class).orElseGet(OtpProperties::new);
		List<GenServerDeclaration> genServers = registerGenServers(registry, properties);
		Set<String> fromProperties = registerSupervisors(registry, properties);
		OtpDeclarations declarations = new OtpDeclarations(genServers, fromProperties);
		registry.registerBeanDefinition(DECLARATIONS_BEAN_NAME, new RootBeanDefinition(OtpDeclarations.class, () -> declarations));
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

	private List<GenServerDeclaration> registerGenServers(BeanDefinitionRegistry registry, OtpProperties properties) {
		List<GenServerDeclaration> declarations = new ArrayList<>();
		for (String beanName : registry.getBeanDefinitionNames()) {
			BeanDefinition definition = registry.getBeanDefinition(beanName);
			if (!(definition instanceof AnnotatedBeanDefinition annotated) || annotated.getFactoryMethodMetadata() != null
					|| !annotated.getMetadata().hasAnnotation(GenServer.class.getName())) {
				continue;
			}
			Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), this.classLoader);
			GenServer annotation = AnnotatedElementUtils.findMergedAnnotation(type, GenServer.class);
			String subject = "@GenServer bean '" + beanName + "' (" + type.getName() + ")";
			String targetBeanName = TARGET_PREFIX + beanName;
			GenServerDeclaration declaration = new GenServerDeclaration(beanName, targetBeanName,
					StringUtils.hasText(annotation.name()) ? annotation.name() : beanName, annotation.supervisor(),
					annotation.restart(), Durations.shutdown(annotation.shutdown(), subject + " shutdown"),
					annotation.order(), GenServerType.of(type, beanName, properties.getCallTimeout()));
			// The class itself: a fresh, fully injected instance for every (re)start, never injected elsewhere.
			definition.setScope(BeanDefinition.SCOPE_PROTOTYPE);
			definition.setAutowireCandidate(false);
			registry.removeBeanDefinition(beanName);
			registry.registerBeanDefinition(targetBeanName, definition);
			// Its name: the proxy.
			RootBeanDefinition proxy = new RootBeanDefinition(GenServerProxyFactoryBean.class,
					() -> new GenServerProxyFactoryBean(declaration));
			proxy.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, type);
			registry.registerBeanDefinition(beanName, proxy);
			declarations.add(declaration);
		}
		return declarations;
	}

	private Set<String> registerSupervisors(BeanDefinitionRegistry registry, OtpProperties properties) {
		Set<String> names = new LinkedHashSet<>();
		for (Map.Entry<String, OtpProperties.Supervisor> entry : properties.getSupervisors().entrySet()) {
			String name = entry.getKey();
			String prefix = "otp.supervisors." + name;
			if (registry.containsBeanDefinition(name)) {
				throw new OtpConfigurationException(prefix, "a bean named '" + name + "' already exists",
						"Supervisors are beans named after them: rename the supervisor or the other bean.");
			}
			OtpProperties.Supervisor supervisor = entry.getValue();
			validate(name, prefix, supervisor);
			registry.registerBeanDefinition(name, definition(supervisor));
			names.add(name);
		}
		if (!registry.containsBeanDefinition(ROOT)) {
			registry.registerBeanDefinition(ROOT, definition(new OtpProperties.Supervisor()));
			names.add(ROOT);
		}
		return names;
	}

	private static void validate(String name, String prefix, OtpProperties.Supervisor supervisor) {
		if (supervisor.getMaxRestarts() < 0) {
			throw new OtpConfigurationException(prefix + ".max-restarts",
					"must be zero or more, but was " + supervisor.getMaxRestarts(),
					"Set " + prefix + ".max-restarts to 0 (give up on the first crash) or more; the default is 3.");
		}
		if (supervisor.getMaxSeconds() < 1) {
			throw new OtpConfigurationException(prefix + ".max-seconds",
					"must be one or more, but was " + supervisor.getMaxSeconds(),
					"Set " + prefix + ".max-seconds to the window length in seconds; the default is 5.");
		}
		if (supervisor.getMaxChildren() != null) {
			if (supervisor.getStrategy() != OtpProperties.Strategy.DYNAMIC) {
				throw new OtpConfigurationException(prefix + ".max-children",
						"only applies to dynamic supervisors, but the strategy is " + supervisor.getStrategy(),
						"Remove " + prefix + ".max-children, or set " + prefix + ".strategy to dynamic.");
			}
			if (supervisor.getMaxChildren() < 1) {
				throw new OtpConfigurationException(prefix + ".max-children",
						"must be one or more, but was " + supervisor.getMaxChildren(),
						"Set " + prefix + ".max-children to a positive limit, or remove it for no limit.");
			}
		}
		if (ROOT.equals(name) && StringUtils.hasText(supervisor.getParent())) {
			throw new OtpConfigurationException(prefix + ".parent", "the root supervisor has no parent",
					"Remove " + prefix + ".parent.");
		}
	}

	private static RootBeanDefinition definition(OtpProperties.Supervisor supervisor) {
		if (supervisor.getStrategy() == OtpProperties.Strategy.DYNAMIC) {
			RootBeanDefinition definition = new RootBeanDefinition(DynamicSupervisorDefinition.class,
					() -> configure(DynamicSupervisorDefinition.create(), supervisor).maxChildren(
							(supervisor.getMaxChildren() != null) ? supervisor.getMaxChildren() : Integer.MAX_VALUE));
			definition.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, DynamicSupervisor.class);
			return definition;
		}
		Strategy strategy = Strategy.valueOf(supervisor.getStrategy().name());
		RootBeanDefinition definition = new RootBeanDefinition(SupervisorDefinition.class,
				() -> configure(SupervisorDefinition.of(strategy), supervisor));
		definition.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, Supervisor.class);
		return definition;
	}

	private static <D extends AbstractSupervisorDefinition<?, D>> D configure(D definition,
			OtpProperties.Supervisor supervisor) {
		return definition.parent(supervisor.getParent())
			.intensity(supervisor.getMaxRestarts(), supervisor.getMaxSeconds())
			.restart(supervisor.getRestart())
			.order(supervisor.getOrder())
			.critical(supervisor.isCritical());
	}

}
