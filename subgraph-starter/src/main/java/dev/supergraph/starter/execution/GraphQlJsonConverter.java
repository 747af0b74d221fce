package dev.supergraph.starter.execution;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.StreamUtils;

/**
 * The GraphQL HTTP handler's JSON: requests are read by {@link GraphQlRequestReader},
 * which refuses a malformed one with its reason; results (always a map) are written by
 * the application's {@link JsonMapper} straight to the response. Spring MVC's own path
 * picked a converter per response and set up a writer for the result's type each time;
 * the {@code ResultWritingBenchmark} microbenchmark compares the two.
 */
final class GraphQlJsonConverter implements HttpMessageConverter<Object> {

	private final JsonMapper json;

	private final JacksonJsonHttpMessageConverter jackson;

	private final GraphQlRequestReader requests;

	GraphQlJsonConverter(JsonMapper json) {
		this.json = json;
		this.jackson = new JacksonJsonHttpMessageConverter(json);
		this.requests = new GraphQlRequestReader(json);
	}

	@Override
	public boolean canRead(Class<?> type, @Nullable MediaType mediaType) {
		return this.jackson.canRead(type, mediaType);
	}

	@Override
	public Object read(Class<?> type, HttpInputMessage input) throws IOException {
		return (type == SerializableGraphQlRequest.class) ? this.requests.read(input.getBody())
				: this.jackson.read(type, input);
	}

	@Override
	public boolean canWrite(Class<?> type, @Nullable MediaType mediaType) {
		return Map.class.isAssignableFrom(type) && this.jackson.canWrite(type, mediaType);
	}

	@Override
	public List<MediaType> getSupportedMediaTypes() {
		return this.jackson.getSupportedMediaTypes();
	}

	@Override
	public void write(Object result, @Nullable MediaType contentType, HttpOutputMessage output) throws IOException {
		if (output.getHeaders().getContentType() == null && contentType != null) {
			output.getHeaders().setContentType(contentType);
		}
		try (JsonGenerator generator = this.json.createGenerator(StreamUtils.nonClosing(output.getBody()))) {
			this.json.writeValue(generator, result);
		}
	}

}
