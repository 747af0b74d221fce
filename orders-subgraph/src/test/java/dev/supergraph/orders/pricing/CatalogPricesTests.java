package dev.supergraph.orders.pricing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import dev.supergraph.starter.observability.ClientNames;
import dev.supergraph.starter.observability.RequestIds;
import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.SubgraphException;
import dev.supergraph.starter.security.RouterSignature;
import dev.supergraph.starter.money.Money;
import graphql.GraphQLContext;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The catalog client on its own, against loopback servers that answer, stall or fail.
 */
class CatalogPricesTests {

	@Test
	void asksForAllProductsInOneCallOnTheCallersBehalf() throws IOException {
		AtomicReference<String> authorization = new AtomicReference<>();
		AtomicReference<String> body = new AtomicReference<>();
		AtomicReference<String> stamp = new AtomicReference<>();
		AtomicReference<String> requestId = new AtomicReference<>();
		AtomicReference<String> client = new AtomicReference<>();
		HttpServer server = server(200,
				"""
						{"data":{"_entities":[{"id":"1","price":{"amount":"84.18","currency":"EUR"},"stockQuantity":14},null]}}""",
				(exchange) -> {
					authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
					requestId.set(exchange.getRequestHeaders().getFirst(RequestIds.HEADER));
					client.set(exchange.getRequestHeaders().getFirst(ClientNames.HEADER));
					stamp.set(exchange.getRequestHeaders().getFirst(RouterSignature.FRESHNESS_HEADER));
					body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				});
		// the caller's request id, as RequestIdFilter puts it in the log context
		MDC.put(RequestIds.KEY, "4bf92f3577b34da6a3ce929d0e0e4736");
		try {
			GraphQLContext context = GraphQLContext.newContext()
				.of(CallerAuthorization.CONTEXT_KEY, "Bearer abc")
				.of(ClientNames.KEY, "web-shop")
				.build();
			Map<Long, CatalogQuote> quotes = prices(server.getAddress().getPort(), Duration.ofSeconds(2))
				.currentQuotes(List.of(1L, 999L), context);
			assertThat(quotes).containsExactly(Map.entry(1L, new CatalogQuote(new Money("84.18", "EUR"), 14)));
			assertThat(authorization.get()).isEqualTo("Bearer abc");
			assertThat(requestId.get()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
			assertThat(client.get()).isEqualTo("web-shop");
			assertThat(body.get()).contains("_entities", "\"id\":\"1\"", "\"id\":\"999\"", "\"__typename\":\"Product\"",
					"catalogStockQuantity");
			// stamped over the exact bytes the catalog received, as the router stamps its
			// calls
			assertThat(RouterSignature.withSecret("pricing-test-secret")
				.verifiedStamp(stamp.get(), body.get().getBytes(StandardCharsets.UTF_8))).isNotNull();
		}
		finally {
			MDC.remove(RequestIds.KEY);
			server.stop(0);
		}
	}

	@Test
	void aCatalogSlowerThanTheTimeoutIsServiceUnavailable() throws IOException {
		try (ServerSocket stalling = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
			Thread acceptor = new Thread(() -> accept(stalling));
			acceptor.setDaemon(true);
			acceptor.start();
			long start = System.nanoTime();
			assertUnavailable(prices(stalling.getLocalPort(), Duration.ofMillis(300)));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			acceptor.interrupt();
		}
	}

	@Test
	void aFailingOrErroringCatalogIsServiceUnavailable() throws IOException {
		HttpServer failing = server(503, "{}", (exchange) -> {
		});
		HttpServer erroring = server(200, """
				{"errors":[{"message":"boom"}],"data":{"_entities":null}}""", (exchange) -> {
		});
		// a price without its stock is no answer either: a placement never guesses a
		// stock
		HttpServer uncounted = server(200, """
				{"data":{"_entities":[{"id":"1","price":{"amount":"84.18","currency":"EUR"},"stockQuantity":null}]}}""",
				(exchange) -> {
				});
		try {
			assertUnavailable(prices(failing.getAddress().getPort(), Duration.ofSeconds(2)));
			assertUnavailable(prices(erroring.getAddress().getPort(), Duration.ofSeconds(2)));
			assertUnavailable(prices(uncounted.getAddress().getPort(), Duration.ofSeconds(2)));
		}
		finally {
			failing.stop(0);
			erroring.stop(0);
			uncounted.stop(0);
		}
	}

	private static void assertUnavailable(CatalogPrices prices) {
		assertThatExceptionOfType(SubgraphException.class)
			.isThrownBy(() -> prices.currentQuotes(List.of(1L), GraphQLContext.getDefault()))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE))
			.satisfies((ex) -> assertThat(ex.getMessageKey()).isEqualTo("orders.catalogUnavailable"));
	}

	private static CatalogPrices prices(int port, Duration timeout) {
		CatalogProperties properties = new CatalogProperties(URI.create("http://127.0.0.1:" + port + "/graphql"),
				timeout);
		RouterSignature signature = RouterSignature.withSecret("pricing-test-secret");
		return new CatalogPrices(properties, signature, ObservationRegistry.NOOP);
	}

	private static HttpServer server(int status, String response, Recorder recorder) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/graphql", (exchange) -> {
			recorder.record(exchange);
			byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		server.start();
		return server;
	}

	private static void accept(ServerSocket socket) {
		try (Socket connection = socket.accept()) {
			Thread.sleep(10_000);
		}
		catch (IOException | InterruptedException ex) {
			// the test is over
		}
	}

	private interface Recorder {

		void record(com.sun.net.httpserver.HttpExchange exchange) throws IOException;

	}

}
