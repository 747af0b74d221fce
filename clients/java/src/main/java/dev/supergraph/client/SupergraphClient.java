package dev.supergraph.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The supergraph's typed client on Spring's {@link RestClient}: runs a generated
 * {@link TrustedOperation} with its typed variables and returns a typed {@link Result}.
 * It always sends the trusted text byte for byte, which the production router matches
 * against its manifest, so one client works in dev and in production. Whatever status and
 * body come back are read by {@link GraphQlAnswer}, by the rules the TypeScript client
 * shares.
 */
public final class SupergraphClient {

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	/** The mapper Spring's JSON converter uses, which also writes the variables. */
	private static final JsonMapper json = new JacksonJsonHttpMessageConverter().getMapper();

	private final RestClient restClient;

	private final URI endpoint;

	private final Credentials credentials;

	private final Duration timeout;

	private final int maxResponseBytes;

	private SupergraphClient(RestClient restClient, URI endpoint, Credentials credentials, ClientOptions options) {
		this.restClient = restClient;
		this.endpoint = endpoint;
		this.credentials = credentials;
		this.timeout = options.timeout();
		this.maxResponseBytes = options.maxResponseBytes();
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
		HeaderValues.option("clientName", clientName);
		if (options.language() != null) {
			HeaderValues.option("language", options.language());
		}
		// HTTP/1.1: the JDK client's HTTP/2 upgrade of a plain-HTTP POST (h2c) is refused
		// by the router with 405. Redirects are not followed, as in TypeScript: the
		// operation, its variables and credentials would go where the Location says.
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(options.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		// Spring's read timeout covers the whole exchange, the answer's body too
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
		requestFactory.setReadTimeout(options.timeout());
		// ContentCoding decodes answers by the rules the TypeScript client shares;
		// Spring's
		// own decoding took neither x-gzip nor deflate without zlib's wrapping, and threw
		// for a body that is not valid gzip as if the router could not be reached
		requestFactory.enableCompression(false);
		RestClient.Builder restClient = RestClient.builder()
			.requestFactory(requestFactory)
			.requestInterceptor((request, body, execution) -> {
				try {
					return execution.execute(request, body);
				}
				catch (RuntimeException ex) {
					// the JDK's client lets some answers that are not HTTP escape
					// unchecked
					throw new BrokenAnswer("an answer that is not HTTP: " + ex, ex);
				}
			})
			.defaultHeader("graphql-client-name", clientName)
			.defaultHeader(HttpHeaders.ACCEPT_ENCODING, ContentCoding.ACCEPTED);
		if (options.language() != null) {
			restClient.defaultHeader(HttpHeaders.ACCEPT_LANGUAGE, options.language());
		}
		return new SupergraphClient(restClient.build(), endpoint, credentials, options);
	}

	/**
	 * Runs an operation. What the router answers, and what stopped an answer from coming
	 * back, is in the result; only a programmer error throws. The whole call, the
	 * credentials too, takes at most the client's timeout. Interrupting the calling
	 * thread ends the call at once ({@link ClientErrorReason#ABORTED}, the interrupt flag
	 * kept). The credentials are obtained on a thread of the client's, not the caller's.
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
		if (Thread.currentThread().isInterrupted()) {
			return failure("the calling thread was interrupted: nothing was sent", ClientErrorReason.ABORTED);
		}
		Deadline deadline = Deadline.after(this.timeout);
		HttpHeaders credentialHeaders;
		try {
			credentialHeaders = CredentialsDeadline.obtain(this.credentials, deadline);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failure("the calling thread was interrupted: nothing was sent", ClientErrorReason.ABORTED);
		}
		catch (TimeoutException ex) {
			return failure("the credentials were not obtained within " + TransportFailure.seconds(this.timeout)
					+ " s: nothing was sent", ClientErrorReason.CREDENTIALS_UNAVAILABLE);
		}
		catch (RuntimeException ex) {
			return failure(
					(ex instanceof HeaderValues.CredentialProblem problem) ? problem.getMessage()
							: "the credentials could not be obtained: " + ex,
					ClientErrorReason.CREDENTIALS_UNAVAILABLE);
		}
		Map<String, Object> values = operation.variables(variables);
		CallerAbort abort = new CallerAbort();
		return abort.run(() -> exchange(operation, values, credentialHeaders, abort, deadline), deadline,
				() -> failure(TransportFailure.notWithin(this.endpoint, this.timeout), ClientErrorReason.TIMEOUT),
				() -> failure("the calling thread was interrupted: the request was abandoned",
						ClientErrorReason.ABORTED));
	}

	private <R> Result<R> exchange(GraphQlOperation<?, R> operation, Map<String, Object> variables,
			HttpHeaders credentialHeaders, CallerAbort abort, Deadline deadline) {
		try {
			return typed(operation, send(operation, variables, credentialHeaders, abort));
		}
		catch (RestClientException ex) {
			return noAnswer(operation, ex, deadline);
		}
	}

	/** A failure to exchange; a body that broke off before the deadline is an answer. */
	private <R> Result<R> noAnswer(GraphQlOperation<?, R> operation, RestClientException ex, Deadline deadline) {
		boolean timedOut = TransportFailure.timedOut(ex, deadline);
		IncompleteAnswer incomplete = TransportFailure.cause(ex, IncompleteAnswer.class);
		if (incomplete != null && !timedOut) {
			return typed(operation, incomplete.answer());
		}
		return failure(TransportFailure.describe(ex, this.endpoint, deadline),
				timedOut ? ClientErrorReason.TIMEOUT : ClientErrorReason.UNREACHABLE);
	}

	/** Any status and body are an answer: only I/O failures throw. */
	private GraphQlAnswer send(GraphQlOperation<?, ?> operation, Map<String, Object> variables,
			HttpHeaders credentialHeaders, CallerAbort abort) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("query", operation.document());
		request.put("operationName", operation.name());
		request.put("variables", variables);
		return this.restClient.post()
			.uri(this.endpoint)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.addAll(credentialHeaders))
			.body(request)
			.exchange((clientRequest, response) -> {
				abort.reading(response.getBody());
				return GraphQlAnswer.receive(response, this.maxResponseBytes, operation.rootField());
			});
	}

	private static <R> Result<R> typed(GraphQlOperation<?, R> operation, GraphQlAnswer answer) {
		JsonNode value = answer.value();
		if (value == null || value.isNull()) {
			return new Result<>(null, answer.errors(), answer.status(), answer.retryAfterSeconds());
		}
		try {
			return new Result<>(json.treeToValue(value, json.constructType(operation.resultType().getType())),
					answer.errors(), answer.status(), answer.retryAfterSeconds());
		}
		catch (JacksonException ex) {
			List<ClientError> errors = new ArrayList<>(answer.errors());
			errors.add(ClientError.ofClient(operation.rootField() + " is not a "
					+ operation.resultType().getType().getTypeName() + ": " + ex.getOriginalMessage(),
					ClientErrorReason.NO_GRAPHQL_RESPONSE));
			return new Result<>(null, List.copyOf(errors), answer.status(), answer.retryAfterSeconds());
		}
	}

	private static <R> Result<R> failure(String message, ClientErrorReason reason) {
		return new Result<>(null, List.of(ClientError.ofClient(message, reason)));
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

		/**
		 * A user's bearer token, asked for on every request, on a thread of the client's:
		 * a token bound to the calling thread (a security context held in a thread local)
		 * is not found there. A token that cannot be sent (null, blank, not one word of
		 * visible ASCII) is a {@link ClientErrorReason#CREDENTIALS_UNAVAILABLE} that does
		 * not repeat it.
		 * @param token gives the token; the whitespace around it is not sent
		 * @return the credentials
		 */
		static Credentials bearer(Supplier<String> token) {
			Objects.requireNonNull(token, "token");
			return (headers) -> headers.set("Authorization", "Bearer " + HeaderValues.credential("token", token.get()));
		}

		/**
		 * A machine client's API key, checked as a bearer token is.
		 * @param key the key; the whitespace around it is not sent
		 * @return the credentials
		 */
		static Credentials apiKey(String key) {
			Objects.requireNonNull(key, "key");
			return (headers) -> headers.set("X-Api-Key", HeaderValues.credential("API key", key));
		}

	}

	/** Sets one request header. */
	@FunctionalInterface
	public interface HeaderSetter {

		void set(String name, String value);

	}

}
