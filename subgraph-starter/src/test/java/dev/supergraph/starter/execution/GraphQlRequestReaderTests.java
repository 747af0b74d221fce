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
 * which the test subgraph's small limit keeps out of its HTTP tests: nesting and numbers
 * that the body size alone bounds are read without recursion, and judged as the router
 * judges them.
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
	void aNumberAsLongAsTheBodyAllowsIsRead() {
		String digits = "9".repeat(DEFAULT_LIMIT - 100);
		SerializableGraphQlRequest request = read("{\"query\":\"{ greeting }\",\"variables\":{\"n\":" + digits + "}}");
		assertThat(request.getVariables().get("n")).hasToString(digits);
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
