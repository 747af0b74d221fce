package dev.supergraph.schematools.lint;

import java.util.List;
import java.util.Set;

import dev.supergraph.schematools.SchemaToolsException;
import dev.supergraph.schematools.schema.SchemaLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class LinterTests {

	private static final String CONFORMING = """
			"A product." type Product { id: ID!  name: String! }
			"A page of products." type ProductConnection { edges: [ProductEdge!]!  pageInfo: PageInfo! }
			type ProductEdge { cursor: String!  node: Product! }
			type PageInfo { hasNextPage: Boolean!  endCursor: String }
			"An expected problem." type UserError { code: String!  message: String!  field: [String!] }
			"Input of renameProduct." input RenameProductInput { id: ID!  name: String! }
			"Result of renameProduct." type RenameProductPayload { product: Product  userErrors: [UserError!]! }
			"Filters products." input ProductFilter { search: String }
			"Product state." enum Status { ACTIVE  ON_HOLD @deprecated(reason: "Use ACTIVE. Removal after 2027-01-01") }
			type Query {
			  "Products page." products(first: Int, after: String, filter: ProductFilter): ProductConnection!
			  "Status." status: Status
			}
			type Mutation { "Renames." renameProduct(input: RenameProductInput!): RenameProductPayload! }
			""";

	@Test
	void conformingSchemaHasNoProblems() {
		assertThat(lint(CONFORMING)).isEmpty();
	}

	@Test
	void namingProblems() {
		assertThat(lint("type Query { \"x\" Bad_Field: product_kind } \"k\" enum product_kind { lower }"))
			.extracting(LintProblem::rule, LintProblem::coordinate)
			.contains(tuple("naming", "Query.Bad_Field"), tuple("naming", "product_kind"),
					tuple("naming", "product_kind.lower"));
	}

	@Test
	void missingDescriptionsAreWarnings() {
		assertThat(lint("type Query { product: Product } type Product { id: ID! }"))
			.extracting(LintProblem::rule, LintProblem::severity, LintProblem::coordinate)
			.containsExactlyInAnyOrder(tuple("descriptions", Severity.WARNING, "Product"),
					tuple("descriptions", Severity.WARNING, "Query.product"));
	}

	@Test
	void mutationsTakeOneInputAndReturnAPayloadWithUserErrors() {
		String schema = CONFORMING.replace("renameProduct(input: RenameProductInput!): RenameProductPayload!",
				"renameProduct(id: ID!, name: String!): Product");
		assertThat(lint(schema)).extracting(LintProblem::rule, LintProblem::coordinate)
			.containsExactlyInAnyOrder(tuple("mutation-shape", "Mutation.renameProduct"),
					tuple("mutation-shape", "Mutation.renameProduct"), tuple("mutation-shape", "Product.userErrors"));
	}

	@Test
	void payloadWithoutUserErrors() {
		String schema = CONFORMING.replace("product: Product  userErrors: [UserError!]!", "product: Product");
		assertThat(rules(lint(schema))).containsExactly("mutation-shape");
	}

	@Test
	void inputTypesEndWithInputOrFilter() {
		String schema = CONFORMING.replace("RenameProductInput", "RenameProductArgs");
		assertThat(lint(schema)).extracting(LintProblem::rule, LintProblem::coordinate)
			.contains(tuple("input-naming", "RenameProductArgs"));
	}

	@Test
	void springGeneratedNullableEdgesAreAConformingConnection() {
		assertThat(lint(CONFORMING.replace("edges: [ProductEdge!]!", "edges: [ProductEdge]"))).isEmpty();
		assertThat(lint(CONFORMING.replace("edges: [ProductEdge!]!", "edges: ProductEdge")))
			.extracting(LintProblem::coordinate)
			.containsExactly("ProductConnection.edges");
	}

	@Test
	void connectionsHaveEdgesPageInfoAndPagingArguments() {
		String schema = CONFORMING.replace("pageInfo: PageInfo! }", "}")
			.replace("products(first: Int, after: String,", "products(");
		assertThat(lint(schema)).extracting(LintProblem::rule, LintProblem::coordinate)
			.containsExactlyInAnyOrder(tuple("connection-shape", "ProductConnection.pageInfo"),
					tuple("connection-shape", "Query.products"), tuple("connection-shape", "Query.products"));
	}

	@Test
	void deprecationsNeedARemovalDate() {
		String schema = CONFORMING.replace("Use ACTIVE. Removal after 2027-01-01", "Use ACTIVE.");
		assertThat(lint(schema)).extracting(LintProblem::rule, LintProblem::severity, LintProblem::coordinate)
			.containsExactly(tuple("deprecation-date", Severity.ERROR, "Status.ON_HOLD"));
	}

	@Test
	void reasonlessDeprecationFails() {
		String schema = CONFORMING.replace("@deprecated(reason: \"Use ACTIVE. Removal after 2027-01-01\")",
				"@deprecated");
		assertThat(rules(lint(schema))).containsExactly("deprecation-date");
	}

	@Test
	void federationDirectiveUnderAPlainNameNotImportedIsAnErrorBecauseCompositionIgnoresIt() {
		String link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.9\", import: [%s])\n";
		String hidden = CONFORMING.replace("type Product { id: ID!  name: String! }",
				"type Product { id: ID!  name: String! @inaccessible }");
		String unimported = link.formatted("\"@key\"") + hidden;
		assertThat(lint(unimported)).extracting(LintProblem::rule, LintProblem::severity, LintProblem::coordinate)
			.containsExactly(tuple("federation-imports", Severity.ERROR, "Product.name"));
		assertThat(lint(link.formatted("\"@key\", \"@inaccessible\"") + hidden)).isEmpty();
		assertThat(lint(link.formatted("\"@key\"") + hidden.replace("@inaccessible", "@federation__inaccessible")))
			.isEmpty();
		assertThat(new Linter(Set.of("federation-imports")).lint(SchemaLoader.subgraph(unimported, "test"))).isEmpty();
	}

	@Test
	void disabledRulesAreSkipped() {
		String schema = CONFORMING.replace("Use ACTIVE. Removal after 2027-01-01", "Use ACTIVE.");
		assertThat(new Linter(Set.of("deprecation-date")).lint(SchemaLoader.subgraph(schema, "test"))).isEmpty();
	}

	@Test
	void unknownRuleIdsAreAnInputError() {
		assertThatExceptionOfType(SchemaToolsException.class).isThrownBy(() -> new Linter(Set.of("speling")))
			.withMessageContaining("unknown lint rule [speling]");
	}

	private static List<LintProblem> lint(String sdl) {
		return new Linter(Set.of()).lint(SchemaLoader.subgraph(sdl, "test"));
	}

	private static List<String> rules(List<LintProblem> problems) {
		return problems.stream().map(LintProblem::rule).toList();
	}

}
