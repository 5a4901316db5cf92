package dev.otpspring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of STYLE.md: the runtime is plain Java, and its layers depend one way only
 * ({@code agent → genserver → process}, {@code supervisor → genserver → process}).
 */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.otpspring");

	@Test
	void theRuntimeDoesNotDependOnSpring() {
		noClasses().that()
			.resideInAnyPackage("dev.otpspring.process..", "dev.otpspring.genserver..", "dev.otpspring.supervisor..",
					"dev.otpspring.agent..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.check(CLASSES);
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("dev.otpspring.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void processDependsOnNoBehaviour() {
		noClasses().that()
			.resideInAPackage("dev.otpspring.process..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.otpspring.genserver..", "dev.otpspring.supervisor..", "dev.otpspring.agent..")
			.check(CLASSES);
	}

	@Test
	void genServerDependsOnNeitherSupervisorNorAgent() {
		noClasses().that()
			.resideInAPackage("dev.otpspring.genserver..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.otpspring.supervisor..", "dev.otpspring.agent..")
			.check(CLASSES);
	}

}
