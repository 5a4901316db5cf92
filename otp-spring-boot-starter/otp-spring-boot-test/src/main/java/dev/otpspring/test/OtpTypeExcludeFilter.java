package dev.otpspring.test;

import java.io.IOException;
import java.util.Set;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import dev.otpspring.spring.AgentDefinition;
import dev.otpspring.spring.DynamicSupervisorDefinition;
import dev.otpspring.spring.SupervisorDefinition;
import dev.otpspring.spring.annotation.GenServer;
import dev.otpspring.spring.annotation.Supervised;
import dev.otpspring.supervisor.ChildSpec;

/**
 * What {@link OtpTest @OtpTest} scans: {@code @GenServer} and {@code @Supervised} classes, and
 * configuration classes with a {@code @Supervised} bean or a bean that declares part of the tree.
 */
final class OtpTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<OtpTest> {

	/** Bean types that are part of the supervision tree, by name: read from metadata, without loading classes. */
	private static final Set<String> TREE_BEAN_TYPES = Set.of(AgentDefinition.class.getName(),
			SupervisorDefinition.class.getName(), DynamicSupervisorDefinition.class.getName(), ChildSpec.class.getName());

	OtpTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
	}

	@Override
	protected Set<Class<?>> getKnownIncludes() {
		return Set.of(GenServer.class, Supervised.class);
	}

	@Override
	protected boolean defaultInclude(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory)
			throws IOException {
		return super.defaultInclude(metadataReader, metadataReaderFactory) || declaresTreeBeans(metadataReader);
	}

	private static boolean declaresTreeBeans(MetadataReader metadataReader) {
		for (MethodMetadata method : metadataReader.getAnnotationMetadata().getAnnotatedMethods(Bean.class.getName())) {
			if (method.isAnnotated(Supervised.class.getName()) || TREE_BEAN_TYPES.contains(method.getReturnTypeName())) {
				return true;
			}
		}
		return false;
	}

}
