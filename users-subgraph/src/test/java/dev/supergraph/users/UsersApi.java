package dev.supergraph.users;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ClassPathResource;

/**
 * The users subgraph over real HTTP, with the documents of {@code graphql-test/}.
 */
final class UsersApi {

	private final GraphQlHttpClient http;

	private UsersApi(GraphQlHttpClient http) {
		this.http = http;
	}

	static UsersApi forPort(int port) {
		return new UsersApi(GraphQlHttpClient.forPort(port));
	}

	Response call(String documentName, Map<String, ?> variables, @Nullable String token) {
		return this.http.post(document(documentName), variables, token);
	}

	Response callWithApiKey(String documentName, Map<String, ?> variables, String apiKey) {
		return this.http.postWithApiKey(document(documentName), variables, apiKey);
	}

	Response me(@Nullable String token) {
		return call("me", Map.of(), token);
	}

	Response register(@Nullable String token, String name, String email) {
		return call("registerUser", Map.of("input", Map.of("name", name, "email", email)), token);
	}

	Response updateProfile(@Nullable String token, Map<String, ?> input) {
		return call("updateProfile", Map.of("input", input), token);
	}

	/**
	 * The user errors of a payload as {@code CODE input.field} strings, for whole-value
	 * assertions.
	 * @param payload the mutation payload
	 * @return one string per user error, in order
	 */
	static List<String> userErrors(JsonNode payload) {
		List<String> errors = new ArrayList<>();
		for (JsonNode error : payload.path("userErrors")) {
			List<String> field = new ArrayList<>();
			error.path("field").forEach((segment) -> field.add(segment.asString()));
			errors.add((error.path("code").asString() + " " + String.join(".", field)).strip());
		}
		return errors;
	}

	private static String document(String name) {
		try (InputStream in = new ClassPathResource("graphql-test/" + name + ".graphql").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
