package dev.supergraph.starter.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import dev.supergraph.starter.observability.ClientNames;
import dev.supergraph.starter.observability.RequestIds;
import dev.supergraph.starter.observability.Traceparents;
import dev.supergraph.starter.observability.UnsampledRequests;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The client of one subgraph calling another: each request is stamped like the router's
 * (the other subgraph accepts nothing else when signing is on), optionally on the
 * caller's behalf, with connect and read timeouts so that a sick subgraph fails the call
 * fast instead of holding it. Observed like Spring's own clients, so the call is a span
 * of the caller's trace and carries its W3C trace context to the other subgraph.
 */
public final class SignedSubgraphClient {

	private final HttpSyncGraphQlClient client;

	private SignedSubgraphClient(HttpSyncGraphQlClient client) {
		this.client = client;
	}

	/**
	 * A client of a subgraph.
	 * @param url the subgraph's GraphQL endpoint
	 * @param timeout the connect timeout and, separately, the read timeout of one call
	 * @param signature the router signature both subgraphs share
	 * @return the client
	 */
	public static SignedSubgraphClient create(URI url, Duration timeout, RouterSignature signature) {
		return create(url, timeout, signature, ObservationRegistry.NOOP);
	}

	/**
	 * A client of a subgraph whose calls are observed.
	 * @param url the subgraph's GraphQL endpoint
	 * @param timeout the connect timeout and, separately, the read timeout of one call
	 * @param signature the router signature both subgraphs share
	 * @param observations the registry of the calling subgraph's observations
	 * @return the client
	 */
	public static SignedSubgraphClient create(URI url, Duration timeout, RouterSignature signature,
			ObservationRegistry observations) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(timeout);
		RestClient rest = RestClient.builder()
			.requestFactory(requests)
			.observationRegistry(observations)
			.baseUrl(url.toString())
			// stamped over the exact body sent
			.requestInterceptor((request, body, execution) -> {
				String stamp = signature.freshness(body);
				if (stamp != null) {
					request.getHeaders().set(RouterSignature.FRESHNESS_HEADER, stamp);
				}
				// the caller's correlation id, so that the called subgraph logs and
				// answers
				// under it also when no trace carries it (tracing off)
				String requestId = MDC.get(RequestIds.KEY);
				if (requestId != null) {
					request.getHeaders().set(RequestIds.HEADER, requestId);
				}
				// an unsampled request makes no client span to carry its trace on: the
				// caller's traceparent goes on as received, so the other subgraph follows
				// the same decision and keeps the same trace id
				String unsampled = UnsampledRequests.traceparent();
				if (unsampled != null && !request.getHeaders().containsHeader(Traceparents.HEADER)) {
					request.getHeaders().set(Traceparents.HEADER, unsampled);
				}
				return execution.execute(request, body);
			})
			.build();
		return new SignedSubgraphClient(HttpSyncGraphQlClient.create(rest));
	}

	/**
	 * Send an operation and wait for the answer.
	 * @param document the operation
	 * @param variables its variables
	 * @param authorization the caller's {@code Authorization} header to act on their
	 * behalf, or {@code null}
	 * @return the response
	 */
	public ClientGraphQlResponse execute(String document, Map<String, Object> variables,
			@Nullable String authorization) {
		return execute(document, variables, authorization, null);
	}

	/**
	 * Send an operation on behalf of a client application and wait for the answer.
	 * @param document the operation
	 * @param variables its variables
	 * @param authorization the caller's {@code Authorization} header to act on their
	 * behalf, or {@code null}
	 * @param clientName the caller's client, as its metrics label it, so that the other
	 * subgraph labels the call the same way; or {@code null}. The other subgraph takes
	 * the name of a client of the API key file only with that client's key, which this
	 * call does not send: such a name arrives as {@code unknown}
	 * @return the response
	 */
	public ClientGraphQlResponse execute(String document, Map<String, Object> variables, @Nullable String authorization,
			@Nullable String clientName) {
		HttpSyncGraphQlClient client = this.client;
		if (authorization != null || clientName != null) {
			HttpSyncGraphQlClient.Builder<?> onBehalf = this.client.mutate();
			if (authorization != null) {
				onBehalf.header(HttpHeaders.AUTHORIZATION, authorization);
			}
			if (clientName != null) {
				onBehalf.header(ClientNames.HEADER, clientName);
			}
			client = onBehalf.build();
		}
		return client.document(document).variables(variables).executeSync();
	}

}
