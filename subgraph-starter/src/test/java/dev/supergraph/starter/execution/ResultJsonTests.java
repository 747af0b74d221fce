package dev.supergraph.starter.execution;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphQL result writer produces the very bytes the application's Jackson mapper
 * would, for every kind of value graphql-java puts in a result and for values it leaves
 * to Jackson, with the mapper's own settings.
 */
class ResultJsonTests {

	@Test
	void writesAResultAsTheMapperWould() {
		JsonMapper json = JsonMapper.builder().build();
		assertThat(written(json, result())).isEqualTo(json.writeValueAsString(result()));
	}

	@Test
	void keepsTheMappersNumberSettings() {
		JsonMapper plain = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
		Map<String, Object> amounts = Map.of("amount", new BigDecimal("1E+3"));
		assertThat(written(plain, amounts)).isEqualTo("{\"amount\":1000}");
		assertThat(written(JsonMapper.builder().build(), amounts)).isEqualTo("{\"amount\":1E+3}");
	}

	/** Every value kind of a result: the shapes of data, errors and extensions. */
	private static Map<String, Object> result() {
		Map<String, Object> product = new LinkedHashMap<>();
		product.put("id", "42");
		product.put("name", "Tea \"Gunpowder\" \\ 緑茶 \n\t\u0001 😀");
		product.put("price", new LinkedHashMap<>(Map.of("amount", new BigDecimal("19.90"))));
		product.put("weightGrams", 250);
		product.put("stock", 12_000_000_000L);
		product.put("rating", 4.25);
		product.put("big", new BigInteger("123456789012345678901234567890"));
		product.put("inStock", true);
		product.put("discontinued", false);
		product.put("category", null);
		product.put("tags", new ArrayList<>(Arrays.asList("green", null, "")));
		product.put("nested", List.of(List.of(), List.of(Map.of())));
		product.put("other", new Dimensions(3, 4));
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", "Not allowed");
		error.put("locations", List.of(Map.of("line", 1, "column", 9)));
		error.put("path", List.of("_entities", 3, "price"));
		error.put("extensions", Map.of("code", "FORBIDDEN"));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("data", Map.of("_entities", Arrays.asList(product, null)));
		result.put("errors", List.of(error));
		return result;
	}

	private static String written(JsonMapper json, Object value) {
		StringWriter out = new StringWriter();
		try (JsonGenerator generator = json.createGenerator(out)) {
			new ResultJson(json).write(generator, value);
		}
		return out.toString();
	}

	/** A value graphql-java would not produce, left to Jackson. */
	record Dimensions(int width, int height) {
	}

}
