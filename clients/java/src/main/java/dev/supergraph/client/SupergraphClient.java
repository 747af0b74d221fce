package dev.supergraph.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.FieldAccessException;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
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

	private final URI endpoint;

	private final Duration timeout;

	private SupergraphClient(HttpSyncGraphQlClient graphQlClient, URI endpoint, Duration timeout) {
		this.graphQlClient = graphQlClient;
		this.endpoint = endpoint;
		this.timeout = timeout;
	}

	/**
	 * A client of the router at {@code endpoint}, with {@link ClientOptions#defaults()}.
	 * @param endpoint the router's GraphQL endpoint
	 * @param credentials a bearer token or an API key, or {@link Credentials#none()}
	 * @param clientName sent as {@code graphql-client-name}, so operators see who sends
	 * what
	 * @return the client
	 */
	public static SupergraphClient create(URI endpoint, Credentials credentials, String clientName) {
		return create(endpoint, credentials, clientName, ClientOptions.defaults());
	}

	/**
	 * A client of the router at {@code endpoint}.
	 * @param endpoint the router's GraphQL endpoint
	 * @param credentials a bearer token or an API key, or {@link Credentials#none()}
	 * @param clientName sent as {@code graphql-client-name}, so operators see who sends
	 * what
	 * @param options the timeout and the language of messages
	 * @return the client
	 */
	public static SupergraphClient create(URI endpoint, Credentials credentials, String clientName,
			ClientOptions options) {
		Objects.requireNonNull(endpoint, "endpoint");
		Objects.requireNonNull(credentials, "credentials (Credentials.none() for none)");
		Objects.requireNonNull(clientName, "clientName");
		Objects.requireNonNull(options, "options (ClientOptions.defaults() for the defaults)");
		// HTTP/1.1: the JDK client's HTTP/2 upgrade of a plain-HTTP POST (h2c) is refused
		// by the router with 405
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(options.timeout())
			.build();
		// Spring's read timeout covers the whole exchange, the answer's body too
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
		requestFactory.setReadTimeout(options.timeout());
		RestClient.Builder restClient = RestClient.builder()
			.requestFactory(requestFactory)
			.requestInterceptor((request, body, execution) -> {
				try {
					credentials.apply(request.getHeaders()::set);
				}
				catch (RuntimeException ex) {
					throw new CredentialsUnavailable(ex);
				}
				return execution.execute(request, body);
			})
			.defaultHeader("graphql-client-name", clientName);
		if (options.language() != null) {
			restClient.defaultHeader(HttpHeaders.ACCEPT_LANGUAGE, options.language());
		}
		return new SupergraphClient(HttpSyncGraphQlClient.builder(restClient.build()).url(endpoint).build(), endpoint,
				options.timeout());
	}

	/**
	 * Runs an operation. What the router answers, and what stopped an answer from coming
	 * back, is in the result; only a programmer error throws.
	 * @param operation the generated operation, e.g. {@code UserOrders.OPERATION}
	 * @param variables its variables, e.g.
	 * {@code new UserOrders.Variables("5", 10, null)}
	 * @return the root field's value and the errors
	 * @throws NullPointerException when {@code operation} or {@code variables} is null
	 */
	public <V, R> Result<R> execute(TrustedOperation<V, R> operation, V variables) {
		Objects.requireNonNull(operation, "operation");
		Objects.requireNonNull(variables,
				() -> "variables of " + operation.name() + ": pass " + operation.name() + ".Variables, not null");
		ClientGraphQlResponse response;
		long start = System.nanoTime();
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
		catch (CredentialsUnavailable ex) {
			return failure("the credentials could not be obtained: " + ex.getCause());
		}
		catch (RestClientException ex) {
			return failure(TransportFailure.describe(ex, this.endpoint, this.timeout,
					Duration.ofNanos(System.nanoTime() - start)));
		}
		List<ClientError> errors = response.getErrors().stream().map(ClientError::of).toList();
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

	private static <R> Result<R> failure(String message) {
		return new Result<>(null, List.of(ClientError.ofClient(message)));
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
			Objects.requireNonNull(token, "token");
			return (headers) -> headers.set("Authorization", "Bearer " + token.get());
		}

		static Credentials apiKey(String key) {
			Objects.requireNonNull(key, "key");
			return (headers) -> headers.set("X-Api-Key", key);
		}

	}

	/** A credentials supplier that failed: no request was sent. */
	private static final class CredentialsUnavailable extends RuntimeException {

		CredentialsUnavailable(RuntimeException cause) {
			super(cause);
		}

	}

	/** Sets one request header. */
	@FunctionalInterface
	public interface HeaderSetter {

		void set(String name, String value);

	}

}
