package dev.supergraph.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.ResponseError;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.FieldAccessException;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The supergraph's typed client on Spring's {@link HttpSyncGraphQlClient}: runs a
 * generated {@link TrustedOperation} with its typed variables and returns a typed
 * {@link Result}. It always sends the trusted text byte for byte, which the production
 * router matches against its manifest, so one client works in dev and in production.
 */
public final class SupergraphClient {

	private final HttpSyncGraphQlClient graphQlClient;

	private SupergraphClient(HttpSyncGraphQlClient graphQlClient) {
		this.graphQlClient = graphQlClient;
	}

	/**
	 * A client of the router at {@code endpoint}.
	 * @param endpoint the router's GraphQL endpoint
	 * @param credentials a bearer token or an API key, or none
	 * @param clientName sent as {@code graphql-client-name}, so operators see who sends
	 * what
	 * @return the client
	 */
	public static SupergraphClient create(URI endpoint, Credentials credentials, String clientName) {
		// HTTP/1.1: the JDK client's HTTP/2 upgrade of a plain-HTTP POST (h2c) is refused
		// by the router with 405
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		RestClient restClient = RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory(http))
			.requestInterceptor((request, body, execution) -> {
				credentials.apply(request.getHeaders()::set);
				return execution.execute(request, body);
			})
			.defaultHeader("graphql-client-name", clientName)
			.build();
		return new SupergraphClient(HttpSyncGraphQlClient.builder(restClient).url(endpoint).build());
	}

	public <V, R> Result<R> execute(TrustedOperation<V, R> operation, V variables) {
		ClientGraphQlResponse response;
		try {
			response = this.graphQlClient.document(operation.document())
				.operationName(operation.name())
				.variables(operation.variables(variables))
				.executeSync();
		}
		catch (RestClientResponseException ex) {
			// a refusal before execution (400, 401, 429, …) still carries GraphQL errors
			// in its body
			return new Result<>(null, RefusalBody.errors(ex.getStatusCode().value(), ex.getResponseBodyAsString()));
		}
		catch (RestClientException ex) {
			return new Result<>(null, List.of(ClientError.ofClient("the router did not answer: " + ex.getMessage())));
		}
		List<ClientError> errors = response.getErrors().stream().map(SupergraphClient::clientError).toList();
		R value = null;
		try {
			value = response.field(operation.rootField()).toEntity(operation.resultType());
		}
		catch (FieldAccessException ex) {
			// no value: the errors say why
		}
		if (errors.isEmpty() && !response.isValid()) {
			errors = List.of(ClientError.ofClient("no data and no errors"));
		}
		return new Result<>(value, errors);
	}

	static ClientError clientError(ResponseError error) {
		Map<String, Object> extensions = error.getExtensions();
		return new ClientError(errorCode(extensions.get("code")), String.valueOf(error.getMessage()),
				List.copyOf(error.getParsedPath()), stringOrNull(extensions.get("requestId")),
				(extensions.get("retryAfterSeconds") instanceof Number seconds) ? seconds.intValue() : null);
	}

	static ErrorCode errorCode(@Nullable Object code) {
		for (ErrorCode known : ErrorCode.values()) {
			if (known.name().equals(code)) {
				return known;
			}
		}
		return ErrorCode.CLIENT_ERROR;
	}

	static @Nullable String stringOrNull(@Nullable Object value) {
		return (value instanceof String text) ? text : null;
	}

	/**
	 * How the client authenticates: a user's bearer token, a machine client's API key, or
	 * none.
	 */
	public interface Credentials {

		void apply(HeaderSetter headers);

		static Credentials none() {
			return (headers) -> {
			};
		}

		static Credentials bearer(Supplier<String> token) {
			return (headers) -> headers.set("Authorization", "Bearer " + token.get());
		}

		static Credentials apiKey(String key) {
			return (headers) -> headers.set("X-Api-Key", key);
		}

	}

	/** Sets one request header. */
	@FunctionalInterface
	public interface HeaderSetter {

		void set(String name, String value);

	}

}
