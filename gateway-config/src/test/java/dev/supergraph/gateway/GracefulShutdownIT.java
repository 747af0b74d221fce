package dev.supergraph.gateway;

import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.supergraph.gateway.support.ManagedProcess;
import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to a subgraph and to the router while they serve: readiness turns down first,
 * every request sent completes without an error, and the process exits within a bound.
 * The load stops sending to a process once its readiness is down, as a load balancer
 * does.
 */
class GracefulShutdownIT {

	private static final Duration EXIT_BOUND = Duration.ofSeconds(40);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void aSubgraphStoppedUnderLoadTurnsReadinessDownFinishesEveryRequestAndExits() throws Exception {
		Supergraph supergraph = Supergraph.get();
		ManagedProcess catalog = supergraph.startReplica("catalog", "catalog-shutdown", "e2e_catalog_replicas",
				"--subgraph.shutdown.drain-delay=3s");
		GraphQlHttpClient client = new GraphQlHttpClient(catalog.uri("/graphql")).signedWith(supergraph.routerSecret());
		AtomicBoolean inRotation = new AtomicBoolean(true);
		Queue<String> failures = new ConcurrentLinkedQueue<>();
		AtomicInteger served = new AtomicInteger();
		List<Thread> load = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Thread thread = new Thread(() -> {
				while (inRotation.get()) {
					record(() -> client.post("{ products(first: 20) { edges { node { sku } } } }").status(), served,
							failures);
				}
			});
			thread.start();
			load.add(thread);
		}
		Thread.sleep(1000);
		catalog.terminate();
		boolean aliveWhenReadinessWentDown = awaitNotReady(catalog.uri("/actuator/health/readiness"), catalog);
		inRotation.set(false);
		for (Thread thread : load) {
			thread.join();
		}
		assertThat(catalog.awaitExit(EXIT_BOUND)).as("exited within %s", EXIT_BOUND).isTrue();
		assertThat(aliveWhenReadinessWentDown).as("readiness down while the subgraph still ran").isTrue();
		assertThat(failures).isEmpty();
		assertThat(served.get()).isPositive();
	}

	@Test
	void theRouterStoppedWithRequestsInFlightFinishesThemAndExits() throws Exception {
		ManagedProcess router = Supergraph.get()
			.startProductionRouter("router-shutdown", Map.of("RATE_LIMIT_MAX", "100000"));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("documentId", ProductionRouterAdversarialIT.documentId("UserOrders"));
		body.put("variables", Map.of("userId", "7", "first", 50));
		byte[] bytes = json.writeValueAsBytes(body);
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		// open the connections first, so the requests below are written at once
		List<CompletableFuture<HttpResponse<String>>> warmUp = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			warmUp.add(client.sendAsync(userOrders(router, bytes, null), HttpResponse.BodyHandlers.ofString()));
		}
		CompletableFuture.allOf(warmUp.toArray(CompletableFuture[]::new)).get();
		// the load balancer has taken the router out (a preStop pause): nothing new
		// arrives, what was sent is in flight when SIGTERM comes
		CountDownLatch sent = new CountDownLatch(8);
		List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			inFlight.add(client.sendAsync(userOrders(router, bytes, sent), HttpResponse.BodyHandlers.ofString()));
		}
		assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
		Thread.sleep(50);
		long stillInFlight = inFlight.stream().filter((response) -> !response.isDone()).count();
		router.terminate();
		for (CompletableFuture<HttpResponse<String>> response : inFlight) {
			HttpResponse<String> answered = response.get();
			assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
			assertThat(answered.body()).doesNotContain("\"errors\"");
		}
		assertThat(stillInFlight).as("requests in flight when SIGTERM was sent").isPositive();
		assertThat(router.awaitExit(EXIT_BOUND)).as("exited within %s", EXIT_BOUND).isTrue();
	}

	private static HttpRequest userOrders(ManagedProcess router, byte[] body, @Nullable CountDownLatch sent) {
		HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofByteArray(body);
		return HttpRequest.newBuilder(router.uri("/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TestTokens.forUser("7"))
			.POST((sent != null) ? new CountingPublisher(publisher, sent) : publisher)
			.build();
	}

	/** Counts a request down once its whole body has been handed to the connection. */
	private record CountingPublisher(HttpRequest.BodyPublisher body,
			CountDownLatch sent) implements HttpRequest.BodyPublisher {

		@Override
		public long contentLength() {
			return this.body.contentLength();
		}

		@Override
		public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
			this.body.subscribe(new Flow.Subscriber<ByteBuffer>() {

				@Override
				public void onSubscribe(Flow.Subscription subscription) {
					subscriber.onSubscribe(subscription);
				}

				@Override
				public void onNext(ByteBuffer item) {
					subscriber.onNext(item);
				}

				@Override
				public void onError(Throwable error) {
					subscriber.onError(error);
				}

				@Override
				public void onComplete() {
					subscriber.onComplete();
					CountingPublisher.this.sent.countDown();
				}

			});
		}

	}

	/**
	 * Polls readiness as a load balancer would; whether the process still ran when it
	 * went down.
	 */
	private static boolean awaitNotReady(URI readiness, ManagedProcess process) throws InterruptedException {
		long deadline = System.nanoTime() + EXIT_BOUND.toNanos();
		while (System.nanoTime() < deadline) {
			boolean alive = process.isAlive();
			if (status(readiness) != 200) {
				return alive;
			}
			Thread.sleep(100);
		}
		return false;
	}

	private static int status(URI uri) {
		try {
			return http
				.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private static void record(StatusCall call, AtomicInteger served, Queue<String> failures) {
		try {
			int status = call.status();
			if (status == 200) {
				served.incrementAndGet();
			}
			else {
				failures.add("HTTP " + status);
			}
		}
		catch (RuntimeException ex) {
			failures.add(ex.toString());
		}
	}

	@FunctionalInterface
	private interface StatusCall {

		int status();

	}

}
