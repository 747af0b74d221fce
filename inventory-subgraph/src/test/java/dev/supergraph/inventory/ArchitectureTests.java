package dev.supergraph.inventory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.supergraph.starter.test.SubgraphArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module's layout rules: no other subgraph is imported, and the seed writes rows
 * through SQL only.
 */
@AnalyzeClasses(packages = "dev.supergraph.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule ownPackagesAndStarterOnly = SubgraphArchitecture.OWN_PACKAGES_AND_STARTER_ONLY;

	@ArchTest
	static final ArchRule sqlThroughTheCountedTemplate = SubgraphArchitecture.SQL_THROUGH_THE_COUNTED_TEMPLATE;

	@ArchTest
	static final ArchRule seedDoesNotUseTheFeatures = noClasses().that()
		.resideInAPackage("dev.supergraph.inventory.seed..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.supergraph.inventory.stock..");

}
