package dev.supergraph.starter.execution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.supergraph.microbenchmarks.CatalogResults;
import dev.supergraph.microbenchmarks.Microbenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * Writing the result of {@code _entities} for 100 products (the map graphql-java
 * completed in a running catalog) to a response body: {@link GraphQlJsonConverter}, which
 * the subgraphs' GraphQL handler uses, against Spring MVC's Jackson converter on the same
 * {@code JsonMapper}, which wrote results before.
 */
public class ResultWritingBenchmark extends Microbenchmark {

	@Param({ "GraphQlJsonConverter", "JacksonJsonHttpMessageConverter" })
	public String converter;

	private final Body body = new Body();

	private Map<String, Object> result;

	private HttpMessageConverter<Object> writer;

	@Setup
	public void capture() {
		CatalogResults.Captured captured = CatalogResults.entities();
		this.result = captured.result();
		this.writer = "GraphQlJsonConverter".equals(this.converter) ? new GraphQlJsonConverter(captured.json())
				: new JacksonJsonHttpMessageConverter(captured.json());
	}

	@Benchmark
	public int write() {
		this.body.reset();
		try {
			this.writer.write(this.result, MediaType.APPLICATION_JSON, this.body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this.body.bytes.size();
	}

	String written() {
		return this.body.bytes.toString(StandardCharsets.UTF_8);
	}

	/** A response body and headers used again for every write. */
	private static final class Body implements HttpOutputMessage {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);

		private final HttpHeaders headers = new HttpHeaders();

		void reset() {
			this.bytes.reset();
			this.headers.clear();
		}

		@Override
		public OutputStream getBody() {
			return this.bytes;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

	}

}
