package dev.supergraph.schematools.check;

import java.time.LocalDate;
import java.util.List;

import dev.supergraph.schematools.Fixtures;
import dev.supergraph.schematools.diff.ChangeKind;
import dev.supergraph.schematools.operations.Operation;
import dev.supergraph.schematools.operations.OperationLoader;
import dev.supergraph.schematools.rules.Criticality;
import dev.supergraph.schematools.schema.SchemaLoader;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The check on the composed API schema with the platform's reference operations. */
class SupergraphCheckTests {

	private static final String SUPERGRAPH = Fixtures.read("supergraph.graphql");

	private static final List<Operation> OPERATIONS = OperationLoader.load(Fixtures.path("operations"));

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

	private static final GraphQLSchema API = SchemaLoader.supergraphApi(SUPERGRAPH, "api");

	@Test
	void unchangedSupergraphPassesAndEveryReferenceOperationValidates() {
		CheckReport report = check(SUPERGRAPH, CheckPolicy.defaults(TODAY));
		assertThat(report.passed()).isTrue();
		assertThat(report.targets().get(0).findings()).isEmpty();
		assertThat(report.invalidOperations()).isEmpty();
	}

	@Test
	void removingAFieldNamesTheOperationsItBreaks() {
		String changed = Fixtures.edit(SUPERGRAPH, "  sku: String! @join__field(graph: CATALOG)\n", "");
		CheckReport report = check(changed, CheckPolicy.defaults(TODAY));
		assertThat(report.passed()).isFalse();
		assertThat(report.targets().get(0).findings())
			.extracting((f) -> f.change().kind(), (f) -> f.change().coordinate(), Finding::verdict, Finding::operations)
			.containsExactly(tuple(ChangeKind.FIELD_REMOVED, "Product.sku", Verdict.FAIL,
					List.of("OrderDetail", "ProductBySku", "ProductPage", "UserOrders")));
		assertThat(report.invalidOperations()).extracting(InvalidOperation::operation)
			.containsExactly("OrderDetail", "ProductBySku", "ProductPage", "UserOrders");
	}

	@Test
	void deprecatedFieldsStillUsedAreReportedWithTheirRemovalDate() {
		String changed = Fixtures.edit(SUPERGRAPH, "  weightGrams: Int! @join__field(graph: CATALOG)",
				"  weightGrams: Int! @deprecated(reason: \"Use weight. Removal after 2027-03-01\") @join__field(graph: CATALOG)");
		CheckReport report = check(changed, CheckPolicy.defaults(TODAY));
		assertThat(report.passed()).isTrue();
		assertThat(report.deprecatedUsages()).containsExactly(new DeprecatedUsage("Product.weightGrams",
				"Use weight. Removal after 2027-03-01", "2027-03-01", List.of("ProductPage", "ProductShipping")));
	}

	@Test
	void expiredUnusedFieldMayGoButOnlyWithThePolicyOn() {
		String before = Fixtures.edit(SUPERGRAPH, "  inStock: Boolean! @join__field(graph: CATALOG)\n",
				"  inStock: Boolean! @join__field(graph: CATALOG)\n  legacyCode: String @deprecated(reason: \"Use sku. Removal after 2026-03-01\") @join__field(graph: CATALOG)\n");
		GraphQLSchema old = SchemaLoader.supergraphApi(before, "old");
		GraphQLSchema current = SchemaLoader.supergraphApi(SUPERGRAPH, "new");
		SchemaPair pair = new SchemaPair("supergraph", old, current, false, "");
		CheckReport on = new SchemaCheck(CheckPolicy.defaults(TODAY)).run(List.of(pair), current, OPERATIONS);
		CheckReport off = new SchemaCheck(new CheckPolicy(false, false, TODAY)).run(List.of(pair), current, OPERATIONS);
		assertThat(on.passed()).isTrue();
		assertThat(on.targets().get(0).findings()).extracting(Finding::verdict).containsExactly(Verdict.ALLOWED);
		assertThat(off.passed()).isFalse();
		assertThat(off.targets().get(0).findings()).extracting(Finding::verdict).containsExactly(Verdict.FAIL);
	}

	@Test
	void subgraphDroppingAnEntityFieldAnotherSubgraphStillServesBreaksNoClient() {
		String orders = Fixtures.read("subgraphs/orders.graphql");
		String servingInStock = Fixtures.edit(orders, "  weightGrams: Int! @external\n",
				"  weightGrams: Int! @external\n  inStock: Boolean! @shareable\n");
		SchemaPair pair = new SchemaPair("orders", SchemaLoader.subgraph(servingInStock, "old"),
				SchemaLoader.subgraph(orders, "new"), true, "");
		CheckReport withApi = new SchemaCheck(CheckPolicy.defaults(TODAY)).run(List.of(pair), API, OPERATIONS);
		TargetReport alone = new SchemaCheck(CheckPolicy.defaults(TODAY)).target(pair, OPERATIONS);
		assertThat(withApi.passed()).isTrue();
		assertThat(withApi.targets().get(0).findings()).extracting(Finding::verdict, Finding::explanation)
			.containsExactly(tuple(Verdict.ALLOWED, "the API schema still has it: another subgraph serves it"));
		assertThat(alone.findings()).extracting(Finding::verdict).containsExactly(Verdict.FAIL);
	}

	@Test
	void subgraphDroppingAValueTypeFieldFailsThoughAnotherSubgraphStillServesIt() {
		String orders = Fixtures.read("subgraphs/orders.graphql");
		String withoutCurrency = Fixtures.edit(orders,
				"type Money @shareable {\n  amount: String!\n  currency: String!\n",
				"type Money @shareable {\n  amount: String!\n");
		SchemaPair pair = new SchemaPair("orders", SchemaLoader.subgraph(orders, "old"),
				SchemaLoader.subgraph(withoutCurrency, "new"), true, "");
		CheckReport report = new SchemaCheck(CheckPolicy.defaults(TODAY)).run(List.of(pair), API, OPERATIONS);
		assertThat(API.getObjectType("Money").getFieldDefinition("currency")).isNotNull();
		assertThat(report.passed()).isFalse();
		assertThat(report.targets().get(0).findings())
			.extracting((f) -> f.change().coordinate(), Finding::verdict, Finding::explanation)
			.containsExactly(tuple("Money.currency", Verdict.FAIL,
					"Money is a value type (no @key): every subgraph that defines it must define the same fields,"
							+ " else composition cannot resolve it through this subgraph; remove the field from all"
							+ " of them together"));
	}

	@Test
	void authenticationOnANonNullFieldFailsForTheOperationsThatSelectItWithoutAToken() {
		String catalog = Fixtures.read("subgraphs/catalog.graphql");
		String protectedName = Fixtures.edit(catalog, "  id: ID!\n  sku: String!\n  name: String!\n",
				"  id: ID!\n  sku: String!\n  name: String! @authenticated\n");
		SchemaPair pair = new SchemaPair("catalog", SchemaLoader.subgraph(catalog, "old"),
				SchemaLoader.subgraph(protectedName, "new"), true, "");
		SchemaPair supergraph = new SchemaPair("supergraph", API, API, false, "");
		CheckReport report = new SchemaCheck(CheckPolicy.defaults(TODAY)).run(List.of(pair, supergraph), API,
				OPERATIONS);
		assertThat(report.passed()).isFalse();
		assertThat(report.targets().get(0).findings())
			.extracting((f) -> f.change().coordinate(), (f) -> f.classification().criticality(), Finding::verdict,
					Finding::explanation, Finding::operations)
			.containsExactly(tuple("Product.name", Criticality.BREAKING, Verdict.FAIL,
					"breaks known operations: CategoryProducts, ProductBySku, ProductPage, ProductShipping",
					List.of("CategoryProducts", "ProductBySku", "ProductPage", "ProductShipping", "OrderDetail",
							"PlaceOrder", "UserOrders")));
	}

	@Test
	void subgraphChangesAreMatchedToOperationsThatReachThemThroughOtherSubgraphs() {
		String orders = Fixtures.read("subgraphs/orders.graphql");
		String deprecated = Fixtures.edit(orders, "  orders(first: Int, after: String): OrderConnection!",
				"  orders(first: Int, after: String): OrderConnection! @deprecated(reason: \"Removal after 2026-01-01\")");
		String removed = Fixtures.edit(orders,
				"  \"The user themself, or a caller with scope orders:read (checked in the subgraph).\"\n"
						+ "  orders(first: Int, after: String): OrderConnection! @authenticated\n",
				"");
		SchemaPair pair = new SchemaPair("orders", SchemaLoader.subgraph(deprecated, "old"),
				SchemaLoader.subgraph(removed, "new"), true, "");
		String recomposed = Fixtures.edit(SUPERGRAPH, """
				  \"""
				  The user themself, or a caller with scope orders:read (checked in the subgraph).
				  \"""
				  orders(first: Int, after: String): OrderConnection! @join__field(graph: ORDERS) @authenticated
				""", "");
		GraphQLSchema api = SchemaLoader.supergraphApi(recomposed, "api");
		assertThat(api.getObjectType("User").getFieldDefinition("orders")).isNull();
		SchemaPair supergraph = new SchemaPair("supergraph", SchemaLoader.supergraphApi(SUPERGRAPH, "old"), api, false,
				"");
		CheckReport report = new SchemaCheck(CheckPolicy.defaults(TODAY)).run(List.of(pair, supergraph), api,
				OPERATIONS);
		assertThat(report.targets()).allSatisfy((target) -> assertThat(target.findings())
			.extracting((f) -> f.change().coordinate(), Finding::verdict, Finding::operations)
			.containsExactly(tuple("User.orders", Verdict.FAIL, List.of("MyOrders", "UserOrders"))));
		assertThat(report.invalidOperations()).extracting(InvalidOperation::operation)
			.containsExactly("MyOrders", "UserOrders");
	}

	@Test
	void tagsOfTheApiSchemaAreComparedOnEveryElementKindAsASubgraphsAre() {
		String before = withTagSpec(SUPERGRAPH);
		String after = before;
		after = Fixtures.edit(after, "  @link(url: \"https://specs.apollo.dev/tag/v0.3\")\n",
				"  @link(url: \"https://specs.apollo.dev/tag/v0.3\")\n  @tag(name: \"public\")\n");
		after = Fixtures.edit(after, "scalar DateTime\n", "scalar DateTime @tag(name: \"public\")\n");
		after = Fixtures.edit(after, "\"\"\"Decimal string, e.g. \"12.50\".\"\"\"\n  amount: String!",
				"\"\"\"Decimal string, e.g. \"12.50\".\"\"\"\n  amount: String! @tag(name: \"public\")");
		after = Fixtures.edit(after, "enum OrderStatus\n", "enum OrderStatus @tag(name: \"public\")\n");
		after = Fixtures.edit(after, "  PAID @join__enumValue(graph: ORDERS)",
				"  PAID @join__enumValue(graph: ORDERS) @tag(name: \"public\")");
		after = Fixtures.edit(after, "type Product\n", "type Product @tag(name: \"public\")\n");
		after = Fixtures.edit(after, "input ProductFilter\n", "input ProductFilter @tag(name: \"public\")\n");
		after = Fixtures.edit(after, "  search: String\n", "  search: String @tag(name: \"public\")\n");
		after = Fixtures.edit(after, "  product(id: ID!): Product @join__field(graph: CATALOG)",
				"  product(id: ID! @tag(name: \"public\")): Product @join__field(graph: CATALOG)");
		CheckReport report = check(before, after);
		assertThat(report.passed()).isTrue();
		assertThat(report.targets().get(0).findings())
			.extracting((f) -> f.change().kind(), (f) -> f.change().coordinate(), Finding::verdict)
			.containsExactlyInAnyOrder(tuple(ChangeKind.TAG_ADDED, "schema", Verdict.PASS),
					tuple(ChangeKind.TAG_ADDED, "DateTime", Verdict.PASS),
					tuple(ChangeKind.TAG_ADDED, "Money.amount", Verdict.PASS),
					tuple(ChangeKind.TAG_ADDED, "OrderStatus", Verdict.PASS),
					tuple(ChangeKind.TAG_ADDED, "OrderStatus.PAID", Verdict.PASS),
					tuple(ChangeKind.TAG_ADDED, "Product", Verdict.PASS),
					tuple(ChangeKind.TAG_ADDED, "ProductFilter", Verdict.PASS),
					tuple(ChangeKind.TAG_ADDED, "ProductFilter.search", Verdict.PASS),
					tuple(ChangeKind.TAG_ADDED, "Query.product(id:)", Verdict.PASS));
	}

	@Test
	void anAccessPolicyChangedOnlyInTheApiSchemaIsJudgedAsInASubgraph() {
		String after = Fixtures.edit(SUPERGRAPH, "  name: String! @join__field(graph: CATALOG)",
				"  name: String! @join__field(graph: CATALOG) @authenticated");
		after = Fixtures.edit(after, "@requiresScopes(scopes: [[\"catalog:write\"]])",
				"@requiresScopes(scopes: [[\"catalog:write\", \"catalog:admin\"]])");
		CheckReport report = check(SUPERGRAPH, after);
		assertThat(report.passed()).isFalse();
		assertThat(report.targets().get(0).findings())
			.extracting((f) -> f.change().coordinate(), (f) -> f.classification().criticality(), Finding::verdict,
					Finding::explanation)
			.containsExactlyInAnyOrder(
					tuple("Product.name", Criticality.BREAKING, Verdict.FAIL,
							"breaks known operations: CategoryProducts, ProductBySku, ProductPage, ProductShipping"),
					tuple("Mutation.createProduct", Criticality.DANGEROUS, Verdict.PASS, "dangerous: review it"),
					tuple("Mutation.updateProductPrice", Criticality.DANGEROUS, Verdict.PASS, "dangerous: review it"));
	}

	/** The supergraph as composition links the tag specification once a subgraph tags. */
	private static String withTagSpec(String supergraph) {
		String linked = Fixtures.edit(supergraph,
				"  @link(url: \"https://specs.apollo.dev/authenticated/v0.1\", for: SECURITY)\n",
				"  @link(url: \"https://specs.apollo.dev/authenticated/v0.1\", for: SECURITY)\n"
						+ "  @link(url: \"https://specs.apollo.dev/tag/v0.3\")\n");
		return Fixtures.edit(linked, "directive @authenticated on",
				"directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION"
						+ " | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION"
						+ " | SCHEMA\n\ndirective @authenticated on");
	}

	private static CheckReport check(String oldSupergraph, String newSupergraph) {
		GraphQLSchema current = SchemaLoader.supergraphApi(newSupergraph, "new");
		SchemaPair pair = new SchemaPair("supergraph", SchemaLoader.supergraphApi(oldSupergraph, "old"), current, false,
				"");
		return new SchemaCheck(CheckPolicy.defaults(TODAY)).run(List.of(pair), current, OPERATIONS);
	}

	private static CheckReport check(String newSupergraph, CheckPolicy policy) {
		GraphQLSchema current = SchemaLoader.supergraphApi(newSupergraph, "new");
		SchemaPair pair = new SchemaPair("supergraph", SchemaLoader.supergraphApi(SUPERGRAPH, "old"), current, false,
				"");
		return new SchemaCheck(policy).run(List.of(pair), current, OPERATIONS);
	}

}
