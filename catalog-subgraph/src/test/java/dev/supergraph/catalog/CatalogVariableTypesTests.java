package dev.supergraph.catalog;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SqlStatementCounter;
import dev.supergraph.starter.test.SubgraphTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A variable of the wrong JSON type is refused before any resolver runs, whatever the
 * scalar and wherever it sits (an argument, an input field), with {@code BAD_USER_INPUT}
 * and a message naming the JSON type: never the Java class it was parsed into, and never
 * its Java text (an object sent as an id was the id {@code "{a=1}"}). An {@code ID} takes
 * a string or an integer only. Over real HTTP.
 */
@SubgraphTest
class CatalogVariableTypesTests {

	private static final String BY_ID = "query($v: ID!) { product(id: $v) { id } }";

	private static final String BY_CATEGORY = "query($v: ID) { products(first: 1, filter: { categoryId: $v }) { edges { cursor } } }";

	private static final String PAGE = "query($v: Int) { products(first: $v) { edges { cursor } } }";

	private static final String BY_SKU = "query($v: String!) { productBySku(sku: $v) { id } }";

	private static final String IN_STOCK = "query($v: Boolean) { products(first: 1, filter: { inStock: $v }) { edges { cursor } } }";

	@LocalServerPort
	int port;

	@Autowired
	SqlStatementCounter statements;

	GraphQlHttpClient client;

	@BeforeEach
	void client() {
		this.client = GraphQlHttpClient.forPort(this.port);
	}

	static Stream<Arguments> wrongTypes() {
		Map<String, Object> object = Map.of("a", 1);
		List<Object> array = List.of(1);
		BigInteger big = new BigInteger("123456789012345678901234567890");
		return Stream.of(Arguments.of(BY_ID, object, "object"), Arguments.of(BY_ID, true, "boolean"),
				Arguments.of(BY_ID, array, "array"), Arguments.of(BY_CATEGORY, object, "object"),
				Arguments.of(BY_CATEGORY, false, "boolean"), Arguments.of(PAGE, object, "object"),
				Arguments.of(PAGE, array, "array"), Arguments.of(PAGE, "2", "string"),
				Arguments.of(PAGE, true, "boolean"), Arguments.of(BY_SKU, object, "object"),
				Arguments.of(BY_SKU, 7, "number"), Arguments.of(BY_SKU, 7L << 40, "number"),
				Arguments.of(BY_SKU, big, "number"), Arguments.of(BY_SKU, 1.5, "number"),
				Arguments.of(BY_SKU, true, "boolean"), Arguments.of(IN_STOCK, array, "array"),
				Arguments.of(IN_STOCK, 1, "number"), Arguments.of(IN_STOCK, "true", "string"));
	}

	@ParameterizedTest
	@MethodSource("wrongTypes")
	void aVariableOfTheWrongJsonTypeIsRefusedNamingThatType(String document, Object value, String jsonType) {
		this.statements.reset();
		String type = document.substring(document.indexOf(": ") + 2, document.indexOf(')')).replace("!", "");
		assertThat(refused(document, value, "en").path("message").asString()).isEqualTo(
				"Variable 'v' has an invalid value: Expected a value of type %s, but it was a JSON %s.", type,
				jsonType);
		assertThat(refused(document, value, "de").path("message").asString()).isEqualTo(
				"Variable 'v' has an invalid value: Erwartet wurde ein Wert vom Typ %s, aber es war JSON vom Typ %s.",
				type, jsonType);
		assertThat(this.statements.statements()).isZero();
	}

	@Test
	void aNumberWithAFractionIsNoIntegerAndNoId() {
		for (String document : List.of(PAGE, BY_ID)) {
			assertThat(refused(document, 1.5, "en").path("message").asString()).as(document)
				.endsWith(": Expected a value of type %s, but it was a number that is not an integer."
					.formatted(document.equals(PAGE) ? "Int" : "ID"));
		}
	}

	@Test
	void anIdIsAStringOrAnInteger() {
		for (Object id : List.of("1", 1, 1L)) {
			Response response = this.client.post(BY_ID, Map.of("v", id), null);
			assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
			assertThat(response.data().at("/product/id").asString()).isEqualTo("1");
		}
	}

	private JsonNode refused(String document, Object value, String language) {
		Response response = this.client.postWithHeaders(document, Map.of("v", value),
				Map.of("Accept-Language", language));
		assertThat(response.json().has("data")).as(response.body()).isFalse();
		assertThat(response.firstErrorCode()).as(response.body()).isEqualTo("BAD_USER_INPUT");
		return response.json().path("errors").get(0);
	}

}
