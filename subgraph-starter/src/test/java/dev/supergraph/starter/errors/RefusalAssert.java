package dev.supergraph.starter.errors;

import dev.supergraph.starter.testsubgraph.RawRequest.Answer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every refusal of a malformed request looks like, and a served request after it.
 */
final class RefusalAssert {

	// a stack frame, an exception or class name (a parsed JSON value's too), Spring's or
	// Jackson's words
	private static final String LEAKS = "(?s).*(\\bat [a-z]+\\.|Exception|tools\\.jackson|springframework|"
			+ "LinkedHashMap|ArrayList|BigInteger|'(Integer|Long|Double|Boolean|Map)'|"
			+ "Unrecognized token|Cannot deserialize|\\bline: \\d).*";

	private static final JsonMapper json = JsonMapper.builder().build();

	private RefusalAssert() {
	}

	static void assertRefused(Answer answer, int status, String reason, @Nullable String parameter) {
		String seen = answer.status() + " " + answer.headers().map() + " " + answer.text();
		assertThat(answer.status()).as(seen).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type")).as(seen)
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode body = parsed(answer.text());
		assertThat(body.has("data")).as(seen).isFalse();
		// one error, or one per mistake of a document that does not validate
		assertThat(body.path("errors").size()).as(seen).isPositive();
		for (JsonNode error : body.path("errors")) {
			JsonNode extensions = error.path("extensions");
			assertThat(extensions.path("code").asString()).as(seen).isEqualTo("BAD_USER_INPUT");
			assertThat(extensions.path("reason").asString()).as(seen).isEqualTo(reason);
			assertThat(extensions.path("parameter").asString(null)).as(seen).isEqualTo(parameter);
			assertThat(extensions.path("requestId").asString()).as(seen).isNotEmpty();
			assertThat(error.path("message").asString()).as(seen).isNotBlank();
		}
		assertThat(answer.text()).as(seen).doesNotMatch(LEAKS);
		if (status == 405) {
			assertThat(answer.headers().firstValue("Allow")).as(seen).hasValue("POST");
		}
	}

	static String message(Answer answer) {
		return parsed(answer.text()).path("errors").path(0).path("message").asString();
	}

	private static JsonNode parsed(String text) {
		try {
			return json.readTree(text);
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

	static void assertServed(Answer answer) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		assertThat(parsed(answer.text()).at("/data/greeting").asString()).as(answer.text()).isEqualTo("hello");
	}

}
