package dev.supergraph.starter.execution;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.supergraph.starter.errors.RefusedRequestException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.server.support.SerializableGraphQlRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the reader makes of bodies as large as a subgraph's default size limit (64 KB),
 * which the test subgraph's small limit keeps out of its HTTP tests: nesting that the
 * body size alone bounds is read without recursion, numbers are bounded by their writing
 * before they are converted, and both are judged as the router judges them.
 */
class GraphQlRequestReaderTests {

	private static final int DEFAULT_LIMIT = 64 * 1024;

	private final GraphQlRequestReader reader = new GraphQlRequestReader(JsonMapper.builder().build());

	@Test
	void variablesNestedAsDeepAsTheBodyAllowsAreTooDeepWithoutOverflowingTheStack() {
		int depth = (DEFAULT_LIMIT - 100) / 2;
		String body = "{\"query\":\"{ greeting }\",\"variables\":{\"x\":" + "[".repeat(depth) + "]".repeat(depth)
				+ "}}";
		assertThat(refusal(body)).isEqualTo("JSON_TOO_DEEP");
	}

	@Test
	void aWronglyTypedFieldOrABatchNestedAsDeepAsTheBodyAllowsIsRefusedForItsType() {
		int depth = (DEFAULT_LIMIT - 100) / 2;
		String nested = "[".repeat(depth) + "]".repeat(depth);
		assertThat(refusal("{\"query\":" + nested + "}")).isEqualTo("INVALID_PARAMETER");
		assertThat(refusal(nested)).isEqualTo("BATCHING_NOT_SUPPORTED");
	}

	@Test
	void aNumberAsLongAsTheBodyAllowsIsRefusedBeforeItIsBoundOrParsed() {
		// read, 60 ms to bind, 200 to 900 ms to coerce or to lex as a literal
		String digits = "9".repeat(DEFAULT_LIMIT - 100);
		assertThat(refusal("{\"query\":\"{ greeting }\",\"variables\":{\"n\":" + digits + "}}"))
			.isEqualTo("NUMBER_TOO_LONG");
		assertThat(refusal("{\"query\":\"{ greeting }\",\"extensions\":{\"n\":[-" + digits + "]}}"))
			.isEqualTo("NUMBER_TOO_LONG");
		assertThat(refusal("{\"query\":\"{ node(first: " + digits + ") { name } }\"}")).isEqualTo("NUMBER_TOO_LONG");
	}

	@Test
	void numbersUpToTheBoundAndDigitsElsewhereAreRead() {
		String bound = "9".repeat(100);
		SerializableGraphQlRequest request = read("{\"query\":\"query Q($n: ID = " + bound + ") { greeting } # " + bound
				+ "0\\n{ a" + bound + "0 }\\n\\\"" + bound + "0\\\" \\\"\\\"\\\"\\\\\\\"\\\"\\\" " + bound
				+ "0\\\"\\\"\\\"\",\"variables\":{\"n\":" + bound + ",\"f\":-1.5e+300,\"id\":\"" + bound + "0\"},"
				+ "\"x\":" + bound + "0}");
		assertThat(request.getVariables()).containsEntry("f", -1.5e300).containsEntry("id", bound + "0");
		assertThat(request.getVariables().get("n")).hasToString(bound);
	}

	@Test
	void aLongNumberIsJudgedAfterWhatComesBeforeItInTheOrderWhereverItIs() {
		String longNumber = "1" + "0".repeat(100);
		assertThat(refusal("{\"variables\":{\"n\":[{\"m\":" + longNumber + "}]},\"query\":1}"))
			.isEqualTo("INVALID_PARAMETER");
		assertThat(refusal("{\"variables\":{\"n\":[" + longNumber + ",[]]},\"query\":\"{ greeting }\",\"query\":\"\"}"))
			.isEqualTo("INVALID_PARAMETER");
		assertThat(refusal("{\"variables\":{\"n\":" + longNumber + ",\"m\":}}")).isEqualTo("MALFORMED_JSON");
		assertThat(refusal("{\"variables\":{\"n\":" + longNumber + "}}")).isEqualTo("DOCUMENT_REQUIRED");
		assertThat(refusal("{\"variables\":{\"n\":" + longNumber + "},\"query\":\"{ greeting }\",\"x\":[]}"))
			.isEqualTo("NUMBER_TOO_LONG");
	}

	@Test
	void readsTheBodyToItsEndWithoutClosingIt() throws IOException {
		// a servlet container's stream, unbuffered when the router's signature is off
		byte[] body = "{\"query\":\"{ greeting }\"}  ".getBytes(StandardCharsets.UTF_8);
		ClosingRefusedStream stream = new ClosingRefusedStream(body);
		assertThat(this.reader.read(stream).getQuery()).isEqualTo("{ greeting }");
		assertThat(stream.read()).isEqualTo(-1);
	}

	private SerializableGraphQlRequest read(String body) {
		try {
			return this.reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String refusal(String body) {
		RefusedRequestException refused = catchThrowableOfType(RefusedRequestException.class, () -> read(body));
		return refused.refusal().reason();
	}

	private static final class ClosingRefusedStream extends ByteArrayInputStream {

		ClosingRefusedStream(byte[] body) {
			super(body);
		}

		@Override
		public void close() {
			throw new AssertionError("the container closes its request body");
		}

	}

}
