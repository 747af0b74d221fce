package dev.supergraph.schematools;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.supergraph.schematools");

	@Test
	void onlyTheCommandLineUsesPicocli() {
		noClasses().that()
			.resideOutsideOfPackage("..cli..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("picocli..")
			.check(CLASSES);
	}

	@Test
	void nothingDependsOnTheCommandLine() {
		noClasses().that()
			.resideOutsideOfPackage("..cli..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..cli..")
			.check(CLASSES);
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("dev.supergraph.schematools.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void everyChangeRuleLivesInTheRulesPackage() {
		classes().that()
			.haveSimpleNameEndingWith("Rule")
			.and()
			.resideOutsideOfPackage("..lint..")
			.should()
			.resideInAPackage("..rules..")
			.check(CLASSES);
	}

}
