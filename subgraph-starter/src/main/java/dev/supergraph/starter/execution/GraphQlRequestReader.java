package dev.supergraph.starter.execution;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import dev.supergraph.starter.errors.RefusedRequestException;
import dev.supergraph.starter.errors.RequestRefusal;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.server.support.SerializableGraphQlRequest;

/**
 * Reads a GraphQL-over-HTTP request body in one pass, judging each request field by the
 * token it starts with: {@code query} and {@code operationName} strings,
 * {@code variables} and {@code extensions} objects, {@code null} as absent; other fields
 * are skipped, as GraphQL over HTTP requires of servers. Jackson's binding coerced
 * {@code "query": 1} to the document {@code "1"}, and failed on a wrong shape with an
 * error that left the reason unsaid. Whatever is wrong is thrown as a
 * {@link RefusedRequestException}, JSON that does not parse before a field of the wrong
 * type (the router's order).
 */
final class GraphQlRequestReader {

	private final JsonMapper json;

	// an object inside the body: what follows it is the rest of the body
	private final ObjectReader objects;

	GraphQlRequestReader(JsonMapper json) {
		this.json = json;
		this.objects = json.readerFor(new TypeReference<Map<String, Object>>() {
		}).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	SerializableGraphQlRequest read(InputStream body) throws IOException {
		JsonParser parser = this.json.createParser(body);
		try (parser) {
			return request(parser);
		}
		catch (JacksonIOException ex) {
			throw ex.getCause();
		}
		catch (JacksonException ex) {
			// Jackson's bound on nesting, reached by the parser itself or while it binds
			// variables or extensions
			int maxDepth = parser.streamReadConstraints().getMaxNestingDepth();
			boolean tooDeep = parser.streamReadContext().getNestingDepth() > maxDepth;
			throw refused(tooDeep ? RequestRefusal.jsonTooDeep(maxDepth) : RequestRefusal.malformedJson());
		}
	}

	private SerializableGraphQlRequest request(JsonParser parser) {
		JsonToken first = parser.nextToken();
		if (first != JsonToken.START_OBJECT) {
			parser.skipChildren();
			requireEnd(parser);
			throw refused(notAnObject(first));
		}
		SerializableGraphQlRequest request = new SerializableGraphQlRequest();
		RequestRefusal wrongField = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			RequestRefusal refusal = readField(parser, name, request);
			wrongField = (wrongField != null) ? wrongField : refusal;
		}
		requireEnd(parser);
		if (wrongField != null) {
			throw refused(wrongField);
		}
		if (request.getQuery() == null || request.getQuery().isEmpty()) {
			throw refused(RequestRefusal.documentRequired());
		}
		return request;
	}

	private static RequestRefusal notAnObject(@Nullable JsonToken first) {
		if (first == null) {
			// an empty body
			return RequestRefusal.malformedJson();
		}
		return (first == JsonToken.START_ARRAY) ? RequestRefusal.batching() : RequestRefusal.bodyNotObject();
	}

	// The refusal of a field whose value has the wrong type; such a value is skipped.
	private @Nullable RequestRefusal readField(JsonParser parser, String name, SerializableGraphQlRequest request) {
		JsonToken value = parser.nextToken();
		RequestRefusal refusal = wrongType(name, value);
		if (refusal != null || value == JsonToken.VALUE_NULL) {
			parser.skipChildren();
			return refusal;
		}
		switch (name) {
			case "query" -> request.setQuery(parser.getString());
			case "operationName" -> request.setOperationName(parser.getString());
			case "variables" -> request.setVariables(this.objects.readValue(parser));
			case "extensions" -> request.setExtensions(this.objects.readValue(parser));
			default -> parser.skipChildren();
		}
		return null;
	}

	private static @Nullable RequestRefusal wrongType(String name, JsonToken value) {
		if (value == JsonToken.VALUE_NULL) {
			return null;
		}
		return switch (name) {
			case "query", "operationName" -> (value != JsonToken.VALUE_STRING) ? RequestRefusal.notString(name) : null;
			case "variables", "extensions" -> (value != JsonToken.START_OBJECT) ? RequestRefusal.notObject(name) : null;
			default -> null;
		};
	}

	// One value, and nothing after it: the rest of a body was ignored.
	private static void requireEnd(JsonParser parser) {
		if (parser.nextToken() != null) {
			throw refused(RequestRefusal.malformedJson());
		}
	}

	private static RefusedRequestException refused(RequestRefusal refusal) {
		return new RefusedRequestException(refusal);
	}

}
