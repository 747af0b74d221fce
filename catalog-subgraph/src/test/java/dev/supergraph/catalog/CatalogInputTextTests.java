package dev.supergraph.catalog;

import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SqlStatementCounter;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text that PostgreSQL cannot store never reaches it: over real HTTP, a NUL, another C0
 * control character or an unpaired surrogate in any string input of the catalog is
 * {@code BAD_USER_INPUT} naming the input, before a single SQL statement.
 */
@SubgraphTest
class CatalogInputTextTests {

	@LocalServerPort
	int port;

	@Autowired
	SqlStatementCounter statements;

	GraphQlHttpClient client;

	@BeforeEach
	void client() {
		this.client = GraphQlHttpClient.forPort(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "SKU-\u0000", "SKU-\ud800", "\udfffSKU", "SKU-\u001b[0m" })
	void unstorableTextInAVariableIsRefusedBeforeAnySql(String sku) {
		this.statements.reset();
		Response response = this.client.post("query($sku: String!) { productBySku(sku: $sku) { id } }",
				Map.of("sku", sku), null);
		assertRefused(response, List.of("sku"));
		assertThat(this.statements.statements()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "name", "description", "sku" })
	void unstorableTextInAMutationInputIsRefusedAndNothingIsCreated(String field) {
		Map<String, Object> input = new java.util.HashMap<>(Map.of("sku", "NUL-1", "name", "Nul", "description", "d",
				"price", Map.of("amount", "1.00", "currency", "EUR"), "categoryId", "1", "weightGrams", 1));
		input.put(field, "bad\u0000" + field);
		Response response = this.client.post(
				"mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } } }",
				Map.of("input", input), TestTokens.forUser("1", "catalog:write"));
		assertRefused(response, List.of("input", field));
		Response stored = this.client.post("{ productBySku(sku: \"NUL-1\") { id } }");
		assertThat(stored.data().path("productBySku").isNull()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{ productBySku(sku: \"A\\u0000\") { id } }",
			"{ products(filter: { search: \"\\u0007\" }) { edges { cursor } } }" })
	void unstorableTextInALiteralIsRefused(String document) {
		Response response = this.client.post(document);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
	}

	private static void assertRefused(Response response, List<String> field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().has("data")).isFalse();
		JsonNode error = response.json().path("errors").get(0);
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
		assertThat(error.path("extensions").path("reason").asString()).isEqualTo("INVALID_CHARACTERS");
		assertThat(error.path("extensions").path("field").valueStream().map(JsonNode::asString))
			.containsExactlyElementsOf(field);
		assertThat(error.path("message").asString())
			.startsWith(String.join(".", field) + " contains a character that is not accepted");
		assertThat(error.path("extensions").path("requestId").asString()).isNotBlank();
	}

}
