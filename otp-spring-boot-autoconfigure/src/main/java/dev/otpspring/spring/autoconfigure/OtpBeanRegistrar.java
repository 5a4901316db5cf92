package dev.otpspring.spring.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

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
final class OtpBeanRegistrar
		implements BeanDefinitionRegistryPostProcessor, BeanRegistrationAotProcessor, EnvironmentAware, BeanClassLoaderAware {

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
		registerGenServers(registry, properties);
		Set<String> fromProperties = registerSupervisors(registry, properties);
		RootBeanDefinition declarations = new RootBeanDefinition(OtpDeclarations.class);
		declarations.getConstructorArgumentValues().addIndexedArgumentValue(0, List.copyOf(fromProperties));
		registry.registerBeanDefinition(DECLARATIONS_BEAN_NAME, declarations);
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

	/**
	 * Nothing to add to the AOT-generated code. Being an AOT processor is what keeps this
	 * registrar out of it: its rewritten definitions are written as code already, and running it
	 * again at startup would register them twice.
	 */
	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		return null;
	}

	private void registerGenServers(BeanDefinitionRegistry registry, OtpProperties properties) {
		for (String beanName : registry.getBeanDefinitionNames()) {
			BeanDefinition definition = registry.getBeanDefinition(beanName);
			if (!(definition instanceof AnnotatedBeanDefinition annotated) || annotated.getFactoryMethodMetadata() != null
					|| !annotated.getMetadata().hasAnnotation(GenServer.class.getName())) {
				continue;
			}
			Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), this.classLoader);
			// Analysed now, so that a bad @GenServer class fails here, naming itself.
			GenServerDeclaration declaration = GenServerDeclaration.of(beanName, TARGET_PREFIX + beanName, type,
					properties.getCallTimeout());
			// The class itself: a fresh, fully injected instance for every (re)start, never injected elsewhere.
			definition.setScope(BeanDefinition.SCOPE_PROTOTYPE);
			definition.setAutowireCandidate(false);
			registry.removeBeanDefinition(beanName);
			registry.registerBeanDefinition(declaration.targetBeanName(), definition);
			// Its name: the proxy.
			registry.registerBeanDefinition(beanName,
					GenServerProxyFactoryBean.definition(declaration, properties.getCallTimeout()));
		}
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
		RootBeanDefinition definition = new RootBeanDefinition(SupervisorsFromProperties.class);
		ConstructorArgumentValues arguments = definition.getConstructorArgumentValues();
		String parent = (supervisor.getParent() != null) ? supervisor.getParent() : "";
		if (supervisor.getStrategy() == OtpProperties.Strategy.DYNAMIC) {
			definition.setFactoryMethodName("dynamicSupervisor");
			definition.setTargetType(DynamicSupervisorDefinition.class);
			addAll(arguments, parent, supervisor.getMaxRestarts(), supervisor.getMaxSeconds(), supervisor.getRestart(),
					supervisor.getOrder(), supervisor.isCritical(),
					(supervisor.getMaxChildren() != null) ? supervisor.getMaxChildren() : Integer.MAX_VALUE);
		}
		else {
			definition.setFactoryMethodName("supervisor");
			definition.setTargetType(SupervisorDefinition.class);
			addAll(arguments, Strategy.valueOf(supervisor.getStrategy().name()), parent, supervisor.getMaxRestarts(),
					supervisor.getMaxSeconds(), supervisor.getRestart(), supervisor.getOrder(), supervisor.isCritical());
		}
		return definition;
	}

	private static void addAll(ConstructorArgumentValues arguments, Object... values) {
		for (int i = 0; i < values.length; i++) {
			arguments.addIndexedArgumentValue(i, values[i]);
		}
	}

}
