package dev.supergraph.starter.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Per operation and client: every error a client sees by its {@code extensions.code}
 * ({@code graphql.errors}), and the SQL statements the operation cost
 * ({@code graphql.operation.sql.statements}). Runs outside the starter's error shaping,
 * so it counts the codes clients actually receive.
 */
class OperationMetricsInterceptor implements WebGraphQlInterceptor, Ordered {

	static final String ERRORS = "graphql.errors";

	static final String STATEMENTS = "graphql.operation.sql.statements";

	private final MeterRegistry registry;

	private final OperationNames names;

	private final ClientLabels clients;

	/** Per operation label, which {@link OperationNames} bounds. */
	private final Map<String, DistributionSummary> statementSummaries = new ConcurrentHashMap<>();

	OperationMetricsInterceptor(MeterRegistry registry, OperationNames names, ClientLabels clients) {
		this.registry = registry;
		this.names = names;
		this.clients = clients;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		this.names.labelOnce(request);
		AtomicInteger statements = OperationStatements.current();
		return chain.next(request).doOnNext((response) -> record(response, statements));
	}

	private DistributionSummary statementSummary(String operation) {
		return DistributionSummary.builder(STATEMENTS)
			.tag("operation", operation)
			.serviceLevelObjectives(1, 2, 3, 5, 10, 20, 50)
			.register(this.registry);
	}

	private void record(WebGraphQlResponse response, @Nullable AtomicInteger statements) {
		ExecutionInput input = response.getExecutionInput();
		String operation = this.names.label(input);
		String client = this.clients.label(input.getGraphQLContext());
		if (statements != null) {
			this.statementSummaries.computeIfAbsent(operation, this::statementSummary).record(statements.get());
		}
		for (ResponseError error : response.getErrors()) {
			Object code = error.getExtensions().get("code");
			Counter.builder(ERRORS)
				.tag("operation", operation)
				.tag("client", client)
				.tag("code", (code != null) ? code.toString() : "INTERNAL")
				.register(this.registry)
				.increment();
		}
	}

}
