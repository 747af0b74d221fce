package dev.supergraph.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.supergraph.gateway.support.SubgraphRegistry;
import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import graphql.language.Document;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static dev.supergraph.gateway.Hostile.assertNoLeak;
import static dev.supergraph.gateway.Hostile.code;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed {@code _entities} representations, signed like the router's (a broken or
 * compromised router), against every entity of every subgraph: each one is refused with
 * {@code BAD_USER_INPUT}, reason {@code INVALID_REPRESENTATION}, at its own index and
 * with its path in {@code extensions.field}, while the well-formed representation sent
 * with it still resolves. Never {@code INTERNAL}; every subgraph keeps serving.
 */
class MalformedRepresentationsIT {

	static final String SUPPORT = TestTokens.forUser("7", "orders:read");

	static Supergraph supergraph;

	@BeforeAll
	static void supergraph() {
		supergraph = Supergraph.get();
	}

	@AfterEach
	void subgraphsKeepServing() {
		SubgraphAdversarialIT.assertSubgraphsServe(supergraph);
	}

	/** Every entity: subgraph, type, a key field, a valid key value, what it selects. */
	static List<List<String>> entities() {
		return List.of(List.of("users", "User", "id", "7", "name"), List.of("catalog", "Product", "id", "7", "sku"),
				List.of("catalog", "Product", "sku", "SKU-00007", "sku"),
				List.of("catalog", "Category", "id", "7", "name"), List.of("orders", "Order", "id", "7", "status"),
				List.of("orders", "User", "id", "7", "id"), List.of("orders", "Product", "id", "7", "id"),
				List.of("inventory", "Product", "id", "7", "inStock"));
	}

	/**
	 * The list above names each key of each entity of every registered subgraph, read
	 * from the golden subgraph schemas, so a new subgraph or key cannot be left out.
	 */
	@Test
	void everyKeyOfEverySubgraphIsTried() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (String subgraph : SubgraphRegistry.names()) {
			Document schema = Parser.parse(Files.readString(Path.of("subgraphs", subgraph + ".graphql")));
			for (ObjectTypeDefinition type : schema.getDefinitionsOfType(ObjectTypeDefinition.class)) {
				type.getDirectives("key")
					.forEach((key) -> keys.add(subgraph + " " + type.getName() + " "
							+ ((StringValue) key.getArgument("fields").getValue()).getValue()));
			}
		}
		assertThat(entities().stream().map((entity) -> String.join(" ", entity.subList(0, 3))))
			.containsExactlyInAnyOrderElementsOf(keys);
	}

	static List<Arguments> malformed() {
		List<Arguments> cases = new ArrayList<>();
		for (List<String> entity : entities()) {
			String type = entity.get(1);
			String key = entity.get(2);
			Map<String, @Nullable Object> shapes = new java.util.LinkedHashMap<>();
			shapes.put("a string", type);
			shapes.put("a number", 42);
			shapes.put("an array", List.of(Map.of("__typename", type, key, entity.get(3))));
			shapes.put("an object without __typename", Map.of(key, entity.get(3)));
			shapes.put("an unknown __typename", Map.of("__typename", "Nope", key, entity.get(3)));
			shapes.put("a numeric __typename", Map.of("__typename", 42, key, entity.get(3)));
			shapes.put("an object without a key", Map.of("__typename", type));
			shapes.put("a key that is an object", Map.of("__typename", type, key, Map.of()));
			shapes.put("a key that is a list", Map.of("__typename", type, key, List.of(entity.get(3))));
			shapes.put("a key that is a boolean", Map.of("__typename", type, key, true));
			shapes.put("a null key", nullKey(type, key));
			if (key.equals("id")) {
				shapes.put("a fractional id", Map.of("__typename", type, key, 1.5));
				shapes.put("a negative id", Map.of("__typename", type, key, -7));
				shapes.put("a non-numeric id", Map.of("__typename", type, key, "abc"));
				shapes.put("an id too long for a number", Map.of("__typename", type, key, "9".repeat(30)));
			}
			else {
				shapes.put("a numeric sku", Map.of("__typename", type, key, 7));
			}
			if (entity.get(0).equals("orders") && type.equals("Product")) {
				shapes.put("a weight that is a string", Map.of("__typename", type, key, "7", "weightGrams", "heavy"));
			}
			if (entity.get(0).equals("inventory")) {
				shapes.put("a stock flag that is a string", Map.of("__typename", type, key, "7", "inStock", "yes"));
			}
			shapes.forEach((shape, value) -> cases.add(Arguments.of(entity, shape, value)));
		}
		return cases;
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("malformed")
	void malformedRepresentationIsBadUserInputAtItsIndexAndTheOthersResolve(List<String> entity, String shape,
			Object representation) {
		Map<String, Object> valid = Map.of("__typename", entity.get(1), entity.get(2), entity.get(3));
		String document = "query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on " + entity.get(1)
				+ " { " + entity.get(4) + " } } }";
		Response response = supergraph.subgraphClient(entity.get(0))
			.post(document, Map.of("r", Arrays.asList(representation, valid)), SUPPORT);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(code(response)).as(response.body()).isEqualTo("BAD_USER_INPUT");
		JsonNode error = response.json().path("errors").path(0);
		assertThat(response.json().path("errors")).as(response.body()).hasSize(1);
		assertThat(error.path("path").valueStream().map(JsonNode::asString)).containsExactly("_entities", "0");
		assertThat(error.path("extensions").path("reason").asString()).isEqualTo("INVALID_REPRESENTATION");
		assertThat(error.path("extensions").path("field").path(0).asString()).isEqualTo("representations");
		assertThat(error.path("extensions").path("field").path(1).asString()).isEqualTo("0");
		JsonNode entities = response.data().path("_entities");
		assertThat(entities.path(0).isNull()).as(response.body()).isTrue();
		assertThat(entities.path(1).path("__typename").asString()).as(response.body()).isEqualTo(entity.get(1));
		assertNoLeak(response);
	}

	private static Map<String, @Nullable Object> nullKey(String type, String key) {
		Map<String, @Nullable Object> representation = new HashMap<>();
		representation.put("__typename", type);
		representation.put(key, null);
		return representation;
	}

}
