package dev.supergraph.schematools.schema;

import dev.supergraph.schematools.Fixtures;
import dev.supergraph.schematools.SchemaToolsException;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchemaLoaderTests {

	@Test
	void federationSdlWithoutDirectiveDefinitionsBuilds() {
		GraphQLSchema schema = SchemaLoader.subgraph(Fixtures.read("subgraphs/orders.graphql"), "orders");
		GraphQLObjectType product = schema.getObjectType("Product");
		assertThat(product.getAppliedDirectives("key")).hasSize(1);
		assertThat(product.getFieldDefinition("weightGrams").getAppliedDirectives("external")).hasSize(1);
		assertThat(product.getFieldDefinition("shippingEstimate").getAppliedDirective("requires")).isNotNull();
	}

	@Test
	void orphanTypeExtensionsBecomeDefinitions() {
		GraphQLSchema schema = SchemaLoader
			.subgraph("extend type Query { me: User }\ntype User @key(fields: \"id\") { id: ID! }", "users");
		assertThat(schema.getQueryType().getFieldDefinition("me")).isNotNull();
	}

	@Test
	void supergraphApiSchemaHasNoJoinMachineryAndNoInaccessibleElements() {
		String supergraph = Fixtures.edit(Fixtures.read("supergraph.graphql"),
				"  inStock: Boolean! @join__field(graph: CATALOG)",
				"  inStock: Boolean! @join__field(graph: CATALOG) @inaccessible");
		GraphQLSchema api = SchemaLoader.supergraphApi(supergraph, "supergraph");
		assertThat(api.getType("join__Graph")).isNull();
		assertThat(api.getType("link__Purpose")).isNull();
		assertThat(api.getObjectType("Product").getFieldDefinition("inStock")).isNull();
		assertThat(api.getObjectType("Product").getFieldDefinition("shippingEstimate")).isNotNull();
		assertThat(api.getQueryType().getFieldDefinition("order")).isNotNull();
	}

	@Test
	void aSubgraphApplyingAThousandUndeclaredDirectivesBuilds() {
		// their synthesized definitions are a document of some 30,000 tokens
		String fields = java.util.stream.IntStream.range(0, 1_000)
			.mapToObj((i) -> "  f" + i + ": Int @d" + i + "(weight: " + i + ")\n")
			.collect(java.util.stream.Collectors.joining());
		GraphQLSchema schema = SchemaLoader.subgraph("type Query {\n" + fields + "}\n", "many.graphql");
		assertThat(schema.getQueryType().getFieldDefinition("f999").getAppliedDirective("d999")).isNotNull();
	}

	@Test
	void invalidSyntaxIsAnInputErrorNamingTheFile() {
		assertThatExceptionOfType(SchemaToolsException.class)
			.isThrownBy(() -> SchemaLoader.subgraph("type Query { a: }", "broken.graphql"))
			.withMessageStartingWith("invalid SDL in broken.graphql:")
			.withMessageNotContaining("\n");
	}

	@Test
	void duplicateTypesAreAnInputError() {
		assertThatExceptionOfType(SchemaToolsException.class)
			.isThrownBy(() -> SchemaLoader.subgraph("type Query { a: Int }\ntype Query { b: Int }", "twice.graphql"))
			.withMessageStartingWith("invalid SDL in twice.graphql:");
	}

	@Test
	void unknownTypesAreAnInputError() {
		assertThatExceptionOfType(SchemaToolsException.class)
			.isThrownBy(() -> SchemaLoader.subgraph("type Query { a: Prodcut }", "typo.graphql"))
			.withMessageStartingWith("invalid SDL in typo.graphql:")
			.withMessageContaining("Prodcut");
	}

	@Test
	void missingFileIsAnInputError() {
		assertThatExceptionOfType(SchemaToolsException.class)
			.isThrownBy(() -> SchemaLoader.read(java.nio.file.Path.of("no/such/schema.graphql")))
			.withMessage("schema file not found: no/such/schema.graphql");
	}

}
