package dev.supergraph.schematools.federation;

import java.util.Optional;

import dev.supergraph.schematools.Fixtures;
import dev.supergraph.schematools.schema.SchemaLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FederationNamesTests {

	@Test
	void federation2SubgraphAppliesFederationDirectivesUnderTheirImportsOrNamespacedNames() {
		FederationNames names = names("""
				extend schema @link(url: "https://specs.apollo.dev/federation/v2.9",
				  import: ["@key", {name: "@inaccessible", as: "@hidden"}, "FieldSet"])
				type Query { a: Int }
				""");
		assertThat(names.federationName("key")).contains("key");
		assertThat(names.federationName("hidden")).contains("inaccessible");
		assertThat(names.federationName("federation__shareable")).contains("shareable");
		// composition knows an imported directive only under the name it is imported as
		assertThat(names.federationName("federation__key")).isEmpty();
		assertThat(names.federationName("federation__inaccessible")).isEmpty();
		assertThat(names.federationName("inaccessible")).isEmpty();
		assertThat(names.federationName("shareable")).isEmpty();
		assertThat(names.federationName("FieldSet")).isEmpty();
	}

	@Test
	void linkNamespaceReplacesTheFederationPrefix() {
		FederationNames names = names("""
				extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", as: "fed", import: ["@key"])
				type Query { a: Int }
				""");
		assertThat(names.federationName("fed__inaccessible")).contains("inaccessible");
		assertThat(names.federationName("federation__inaccessible")).isEmpty();
	}

	@Test
	void federation1SubgraphKnowsOnlyFederation1DirectivesUnderPlainNames() {
		FederationNames names = names("type Query { a: Int }\ntype User @key(fields: \"id\") { id: ID! }");
		assertThat(names.federationName("key")).contains("key");
		assertThat(names.federationName("tag")).contains("tag");
		assertThat(names.federationName("inaccessible")).isEmpty();
		assertThat(names.federationName("shareable")).isEmpty();
	}

	@Test
	void supergraphLinksEachSecuritySpecificationUnderItsOwnName() {
		FederationNames names = FederationNames
			.of(SchemaLoader.supergraphApi(Fixtures.read("supergraph.graphql"), "supergraph"));
		assertThat(names.federationName("authenticated")).contains("authenticated");
		assertThat(names.federationName("requiresScopes")).contains("requiresScopes");
		assertThat(names.federationName("join__field")).isEmpty();
		assertThat(names.federationName("inaccessible")).isEqualTo(Optional.empty());
	}

	private static FederationNames names(String sdl) {
		return FederationNames.of(SchemaLoader.subgraph(sdl, "test"));
	}

}
