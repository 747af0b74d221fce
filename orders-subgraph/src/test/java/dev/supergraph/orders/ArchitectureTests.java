package dev.supergraph.orders;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.supergraph.starter.test.SubgraphArchitecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module's layout rules: no imports of other subgraphs (catalog and users are reached
 * over GraphQL only), and the shipping, pricing and registration features know nothing of
 * orders.
 */
@AnalyzeClasses(packages = "dev.supergraph.orders", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule ownPackagesAndStarterOnly = SubgraphArchitecture.OWN_PACKAGES_AND_STARTER_ONLY;

	@ArchTest
	static final ArchRule sqlThroughTheCountedTemplate = SubgraphArchitecture.SQL_THROUGH_THE_COUNTED_TEMPLATE;

	@ArchTest
	static final ArchRule shippingPricingAndRegistrationDoNotDependOnOrders = noClasses().that()
		.resideInAnyPackage("dev.supergraph.orders.shipping..", "dev.supergraph.orders.pricing..",
				"dev.supergraph.orders.registration..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.supergraph.orders.order..");

	@ArchTest
	static final ArchRule seedUsesOnlyTheItemsDigestOfTheOrderFeature = noClasses().that()
		.resideInAPackage("dev.supergraph.orders.seed..")
		.should()
		.dependOnClassesThat(resideInAPackage("dev.supergraph.orders.order..").and(not(simpleName("ItemsDigest"))));

}
