package dev.supergraph.starter.execution;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.supergraph.starter.errors.RefusedRequestException;
import dev.supergraph.starter.errors.RequestRefusal;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
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
 * {@link RefusedRequestException}, in the router's order: a body that is not UTF-8, JSON
 * that does not parse, a request field given twice, one of the wrong type, no document, a
 * number written too long in {@code variables}, {@code extensions} or the document
 * ({@link LongNumbers}), {@code variables} or {@code extensions} nested too deep.
 */
final class GraphQlRequestReader {

	/**
	 * How deep {@code variables} and {@code extensions} may nest: the bound Jackson held
	 * the whole body to before.
	 */
	private static final int MAX_JSON_DEPTH = 500;

	private static final Set<String> FIELDS = Set.of("query", "operationName", "variables", "extensions");

	// Strict JSON whatever the application's mapper allows, and no bound of Jackson's
	// own on nesting, numbers or names: the body size limit bounds them, and the router
	// reads a wrongly typed field nested 600 deep, or a long number never converted, as
	// JSON. Numbers that are bound are bounded as the router bounds them, in their place
	// in the order (LongNumbers). The streaming parser does not recurse; variables and
	// extensions are bound without recursion too (Jackson's untyped deserializer), and
	// their depth judged after. The body's stream is the container's, and read to its
	// end after the parser is done.
	private static final JsonFactory PARSERS = JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder()
			.maxNestingDepth(Integer.MAX_VALUE)
			.maxNumberLength(Integer.MAX_VALUE)
			.maxNameLength(Integer.MAX_VALUE)
			.maxStringLength(Integer.MAX_VALUE)
			.build())
		.enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
		.disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
		.build();

	// an object inside the body, bound as the application binds JSON: what follows it is
	// the rest of the body
	private final ObjectReader objects;

	GraphQlRequestReader(JsonMapper json) {
		this.objects = json.readerFor(new TypeReference<Map<String, Object>>() {
		}).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	SerializableGraphQlRequest read(InputStream body) throws IOException {
		Utf8BodyStream bytes = new Utf8BodyStream(body);
		SerializableGraphQlRequest request = null;
		RequestRefusal refusal = null;
		try (JsonParser parser = PARSERS.createParser(ObjectReadContext.empty(), bytes)) {
			request = request(parser);
		}
		catch (RefusedRequestException ex) {
			refusal = ex.refusal();
		}
		catch (JacksonIOException ex) {
			throw ex.getCause();
		}
		catch (JacksonException ex) {
			refusal = RequestRefusal.malformedJson();
		}
		// what is wrong with the bytes comes first, wherever they are
		bytes.drain();
		if (!bytes.isUtf8()) {
			throw refused(RequestRefusal.invalidUtf8());
		}
		if (bytes.startsWithByteOrderMark() || bytes.containsNul()) {
			throw refused(RequestRefusal.malformedJson());
		}
		if (refusal != null) {
			throw refused(refusal);
		}
		return request;
	}

	private SerializableGraphQlRequest request(JsonParser parser) {
		JsonToken first = parser.nextToken();
		if (first != JsonToken.START_OBJECT) {
			parser.skipChildren();
			requireEnd(parser);
			throw refused(notAnObject(first));
		}
		SerializableGraphQlRequest request = new SerializableGraphQlRequest();
		Set<String> seen = new HashSet<>();
		String repeated = null;
		RequestRefusal wrongField = null;
		boolean longNumber = false;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			if (FIELDS.contains(name) && !seen.add(name) && repeated == null) {
				repeated = name;
			}
			TokenStreamContext object = parser.streamReadContext();
			try {
				RequestRefusal refusal = readField(parser, name, request);
				wrongField = (wrongField != null) ? wrongField : refusal;
			}
			catch (JacksonException ex) {
				if (!LongNumbers.tooLong(ex)) {
					throw ex;
				}
				// judged in its place in the order: what comes after it in the body first
				longNumber = true;
				LongNumbers.skipTo(parser, object);
			}
		}
		requireEnd(parser);
		if (repeated != null) {
			throw refused(RequestRefusal.repeated(repeated));
		}
		if (wrongField != null) {
			throw refused(wrongField);
		}
		if (request.getQuery() == null || request.getQuery().isEmpty()) {
			throw refused(RequestRefusal.documentRequired());
		}
		if (longNumber || LongNumbers.inDocument(request.getQuery())) {
			throw refused(RequestRefusal.numberTooLong(LongNumbers.MAX_LENGTH));
		}
		if (deeperThan(request.getVariables(), MAX_JSON_DEPTH)) {
			throw refused(RequestRefusal.jsonTooDeep("variables", MAX_JSON_DEPTH));
		}
		if (deeperThan(request.getExtensions(), MAX_JSON_DEPTH)) {
			throw refused(RequestRefusal.jsonTooDeep("extensions", MAX_JSON_DEPTH));
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
			case "variables" -> request.setVariables(this.objects.readValue(LongNumbers.bounded(parser)));
			case "extensions" -> request.setExtensions(this.objects.readValue(LongNumbers.bounded(parser)));
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

	/**
	 * Whether objects and arrays nest deeper than {@code max} in a bound value, the value
	 * itself at depth 1 (as the router counts), with a stack of its own: graphql-java
	 * coerces variables recursively.
	 */
	private static boolean deeperThan(@Nullable Map<String, Object> value, int max) {
		if (value == null) {
			return false;
		}
		ArrayDeque<Object> values = new ArrayDeque<>(List.of(value));
		ArrayDeque<Integer> depths = new ArrayDeque<>(List.of(1));
		while (!values.isEmpty()) {
			Object current = values.pop();
			int depth = depths.pop();
			if (depth > max) {
				return true;
			}
			Collection<?> children = (current instanceof Map<?, ?> map) ? map.values() : (Collection<?>) current;
			for (Object child : children) {
				if (child instanceof Map<?, ?> || child instanceof Collection<?>) {
					values.push(child);
					depths.push(depth + 1);
				}
			}
		}
		return false;
	}

	private static RefusedRequestException refused(RequestRefusal refusal) {
		return new RefusedRequestException(refusal);
	}

}
