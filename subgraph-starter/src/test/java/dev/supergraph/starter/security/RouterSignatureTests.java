package dev.supergraph.starter.security;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subgraph computes the router's signature byte for byte. The expected value was
 * produced by the pinned router's own signing code
 * ({@code @graphql-mesh/hmac-upstream-signature},
 * {@code defaultExecutionRequestSerializer}, HMAC-SHA256 with secret
 * {@code test-secret}).
 */
class RouterSignatureTests {

	static final String QUERY = "query Q($r:[_Any!]!$s:String$n:Float$i:Int){_entities(representations:$r){...on Product{id}}}";

	static final String VARIABLES = """
			{"s": "line\\nbreak \\"q\\" é \\u2028 \\u0001 </tag>", "r": [{"id": "1", "__typename": "Product"}], "n": 1.5, "i": 42}""";

	static final String HIVE_SIGNATURE = "kWL8ONu82D82y0/h07xqRL+5lRlsOFZwRG8HzGyAPVI=";

	RouterSignature signature = new RouterSignature("test-secret");

	@Test
	void signatureOfTheRouterIsReproducedExactly() {
		Map<?, ?> variables = JsonMapper.builder().build().readValue(VARIABLES, Map.class);
		assertThat(this.signature.verify(QUERY, variables, HIVE_SIGNATURE)).isTrue();
	}

	@Test
	void changedQueryVariablesOrSecretDoNotVerify() {
		Map<?, ?> variables = JsonMapper.builder().build().readValue(VARIABLES, Map.class);
		assertThat(this.signature.verify(QUERY + " ", variables, HIVE_SIGNATURE)).isFalse();
		assertThat(this.signature.verify(QUERY, Map.of("i", 43), HIVE_SIGNATURE)).isFalse();
		assertThat(new RouterSignature("other-secret").verify(QUERY, variables, HIVE_SIGNATURE)).isFalse();
		assertThat(this.signature.verify(QUERY, variables, null)).isFalse();
		assertThat(this.signature.verify(null, variables, HIVE_SIGNATURE)).isFalse();
	}

	@Test
	void emptyVariablesAreLeftOutOfTheSignedContent() {
		assertThat(this.signature.sign("{a}", Map.of())).isEqualTo(this.signature.sign("{a}", null));
		assertThat(new RouterSignature(" ").enabled()).isFalse();
		assertThat(new RouterSignature(" ").sign("{a}", null)).isNull();
	}

}
