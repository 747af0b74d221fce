package dev.supergraph.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.gateway.support.TraceReceiver.Span;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.supergraph.gateway.ReferenceOperationsIT.ok;
import static dev.supergraph.gateway.ReferenceOperationsIT.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One W3C trace per client request, received over real OTLP from the real router and the
 * three subgraphs: correctly parented from the router's request span down to each SQL
 * statement, with the request id as its trace id, and nothing secret in any span.
 */
class TracingIT {

	/** A buyer of the seed data; its id is also a SQL parameter that no span may show. */
	private static final String BUYER = "417";

	static String token;

	static String idempotencyKey;

	@BeforeAll
	static void placeAnOrder() {
		ReferenceOperationsIT.router();
		token = TestTokens.forUser(BUYER);
		idempotencyKey = UUID.randomUUID().toString();
		ok("RegisterUser", Map.of("input", Map.of("name", "Tracy", "email", "tracy" + BUYER + "@example.com")), token);
		Map<String, ?> input = Map.of("input",
				Map.of("idempotencyKey", idempotencyKey, "items", List.of(Map.of("productId", "3", "quantity", 1))));
		// The first orders -> users and orders -> catalog calls of cold JVMs on a busy
		// machine may
		// miss their 2 s timeout (SERVICE_UNAVAILABLE); the mutation is idempotent, so
		// the same key
		// is sent again.
		for (int attempt = 1; attempt < 6; attempt++) {
			if (!"SERVICE_UNAVAILABLE".equals(send("PlaceOrder", input, token).firstErrorCode())) {
				break;
			}
			sleep(1000);
		}
		ok("PlaceOrder", input, token);
	}

	@Test
	void userOrdersIsOneTraceFromTheRouterThroughEverySubgraphToItsSql() {
		Response response = ok("UserOrders", Map.of("userId", BUYER, "first", 5), token);
		String traceId = response.header("X-Request-Id");
		assertThat(traceId).matches("[0-9a-f]{32}");
		List<Span> trace = awaitTrace(traceId,
				(spans) -> services(spans).containsAll(Set.of("router", "users", "orders", "catalog"))
						&& spans.stream().anyMatch(TracingIT::isSql));
		Map<String, Span> byId = trace.stream().collect(Collectors.toMap(Span::spanId, Function.identity()));
		List<Span> roots = trace.stream().filter((span) -> !byId.containsKey(span.parentSpanId())).toList();
		assertThat(roots).as("the trace has one root").singleElement().satisfies((root) -> {
			assertThat(root.service()).isEqualTo("router");
			assertThat(root.parentSpanId()).isEmpty();
		});
		for (String subgraph : List.of("users", "orders", "catalog")) {
			assertThat(trace).filteredOn((span) -> span.service().equals(subgraph))
				.as("every %s span descends from a router span", subgraph)
				.allSatisfy((span) -> assertThat(ancestors(span, byId)).anyMatch((a) -> a.service().equals("router")));
		}
		assertThat(trace).filteredOn(TracingIT::isSql)
			.as("SQL spans hang below the subgraph's own spans")
			.allSatisfy((sql) -> assertThat(byId.get(sql.parentSpanId()).service()).isEqualTo(sql.service()));
	}

	@Test
	void placingAnOrderTracesTheOrdersCallToTheCatalogsPrices() {
		// the placement that got as far as the price call (a retried one did not)
		List<Span> trace = awaitSpans((spans) -> spans.stream()
			.filter((span) -> span.service().equals("orders") && span.name().contains("placeOrder"))
			.map(Span::traceId)
			.map((traceId) -> spans.stream().filter((span) -> span.traceId().equals(traceId)).toList())
			.filter((candidate) -> services(candidate).contains("catalog"))
			.findFirst()
			.orElse(null));
		Map<String, Span> byId = trace.stream().collect(Collectors.toMap(Span::spanId, Function.identity()));
		// the router fetches the order's products from the catalog too; the price call
		// hangs below orders
		assertThat(trace).filteredOn((span) -> span.service().equals("catalog"))
			.anySatisfy((span) -> assertThat(ancestors(span, byId)).anyMatch((a) -> a.service().equals("orders"))
				.anyMatch((a) -> a.service().equals("router")));
	}

	@Test
	void noSpanCarriesATokenAnApiKeyOrASqlParameter() {
		ok("UserOrders", Map.of("userId", BUYER, "first", 5), token);
		List<Span> spans = Supergraph.get().traces().spans();
		assertThat(spans).isNotEmpty();
		String tokenSignature = token.substring(token.lastIndexOf('.') + 1);
		for (Span span : spans) {
			for (Map.Entry<String, String> attribute : span.attributes().entrySet()) {
				assertThat(attribute.getValue()).as("%s of %s", attribute.getKey(), span.name())
					.doesNotContain(tokenSignature)
					.doesNotContain(idempotencyKey)
					.doesNotContainIgnoringCase("bearer ");
				assertThat(attribute.getKey()).doesNotContainIgnoringCase("authorization")
					.doesNotContainIgnoringCase("api-key");
			}
		}
		assertThat(spans).filteredOn(TracingIT::isSql)
			.isNotEmpty()
			.allSatisfy((sql) -> assertThat(sql.attributes()).allSatisfy((key, value) -> {
				if (key.startsWith("jdbc.query")) {
					assertThat(value).doesNotContain(BUYER);
				}
			}));
	}

	private static boolean isSql(Span span) {
		return span.attributes().keySet().stream().anyMatch((key) -> key.startsWith("jdbc.query"));
	}

	private static Set<String> services(List<Span> spans) {
		return spans.stream().map(Span::service).collect(Collectors.toSet());
	}

	private static List<Span> ancestors(Span span, Map<String, Span> byId) {
		List<Span> ancestors = new java.util.ArrayList<>();
		for (Span parent = byId.get(span.parentSpanId()); parent != null; parent = byId.get(parent.parentSpanId())) {
			ancestors.add(parent);
		}
		return ancestors;
	}

	/** What a function finds among all spans received, once it finds something. */
	private static List<Span> awaitSpans(Function<List<Span>, List<Span>> find) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			List<Span> found = find.apply(Supergraph.get().traces().spans());
			if (found != null) {
				sleep(1000);
				String traceId = found.get(0).traceId();
				return Supergraph.get()
					.traces()
					.spans()
					.stream()
					.filter((span) -> span.traceId().equals(traceId))
					.toList();
			}
			sleep(200);
		}
		throw new AssertionError("Not found within 30 s among " + Supergraph.get().traces().spans().size() + " spans");
	}

	/** The spans of a trace, once they satisfy a condition: exporters send in batches. */
	private static List<Span> awaitTrace(String traceId, java.util.function.Predicate<List<Span>> complete) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		List<Span> trace = List.of();
		while (Instant.now().isBefore(deadline)) {
			trace = Supergraph.get()
				.traces()
				.spans()
				.stream()
				.filter((span) -> span.traceId().equals(traceId))
				.toList();
			if (complete.test(trace)) {
				// one more export round, so the last spans of each process are in
				sleep(1000);
				return Supergraph.get()
					.traces()
					.spans()
					.stream()
					.filter((span) -> span.traceId().equals(traceId))
					.toList();
			}
			sleep(200);
		}
		throw new AssertionError("Trace " + traceId + " incomplete after 30 s: " + trace);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
