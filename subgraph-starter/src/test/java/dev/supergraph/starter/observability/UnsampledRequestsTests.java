package dev.supergraph.starter.observability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import dev.supergraph.starter.security.RouterSignature;
import dev.supergraph.starter.security.SignedSubgraphClient;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.MeterRegistry;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;

import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;

import org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration;

import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subgraph follows its caller's sampling decision: with Spring Boot's real
 * OpenTelemetry tracing sampling everything it starts, a request whose
 * {@code traceparent} says "unsampled" makes no span in any observation, on its own
 * thread or the threads its context reaches, while its observations are still timed, and
 * its calls to another subgraph carry the same {@code traceparent} on; a sampled request
 * or one without a {@code traceparent} is traced as before.
 */
class UnsampledRequestsTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String UNSAMPLED = "00-" + TRACE_ID + "-00f067aa0ba902b7-00";

	private static final String SAMPLED = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

	private final WebApplicationContextRunner runner = TracingContexts.sampled();

	@Test
	void anUnsampledRequestMakesNoSpanButIsTimed() {
		this.runner.run((context) -> {
			List<@Nullable Span> spans = observedIn(context, UNSAMPLED);
			assertThat(spans).hasSize(2).containsOnlyNulls();
			assertThat(context.getBean(MeterRegistry.class).get("graphql.request").timer().count()).isEqualTo(1);
			assertThat(context.getBean(MeterRegistry.class).get("graphql.datafetcher").timer().count()).isEqualTo(1);
			assertThat(UnsampledRequests.traceparent()).as("cleared after the request").isNull();
		});
	}

	@Test
	void aSampledRequestOrOneWithoutTraceparentIsTraced() {
		this.runner.run((context) -> {
			for (String traceparent : new String[] { SAMPLED, null }) {
				List<@Nullable Span> spans = observedIn(context, traceparent);
				assertThat(spans).as(traceparent).hasSize(2).doesNotContainNull();
				assertThat(spans.get(1).context().sampled()).isTrue();
			}
		});
	}

	@Test
	void aTraceparentThatIsNotValidDecidesNothing() {
		String[] invalid = { "00-" + TRACE_ID + "-0000000000000000-00", "ff-" + TRACE_ID + "-00f067aa0ba902b7-00",
				"00-" + "0".repeat(32) + "-00f067aa0ba902b7-00", UNSAMPLED + "-more" };
		this.runner.run((context) -> {
			for (String traceparent : invalid) {
				assertThat(observedIn(context, traceparent)).as(traceparent).hasSize(2).doesNotContainNull();
				MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
				request.addHeader("traceparent", traceparent);
				MockHttpServletResponse response = new MockHttpServletResponse();
				new RequestIdFilter().doFilter(request, response, (req, res) -> {
				});
				assertThat(response.getHeader(RequestIds.HEADER)).as(traceparent)
					.isNotEqualTo(TRACE_ID)
					.isNotEqualTo("0".repeat(32));
			}
		});
	}

	@Test
	void withoutTracingNothingTakesTheObservations() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					NoopTracerAutoConfiguration.class, UnsampledRequestsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UnsampledRequestTracing.class));
	}

	@Test
	void aCallToAnotherSubgraphCarriesTheUnsampledTraceparentOn() throws IOException {
		List<String> received = new CopyOnWriteArrayList<>();
		HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		other.createContext("/graphql", (exchange) -> {
			received.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
			byte[] body = "{\"data\":{\"ok\":true}}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		other.start();
		try {
			SignedSubgraphClient client = SignedSubgraphClient.create(
					URI.create("http://127.0.0.1:" + other.getAddress().getPort() + "/graphql"), Duration.ofSeconds(5),
					RouterSignature.withSecret(null));
			inRequest(UNSAMPLED, () -> client.execute("{ ok }", Map.of(), null));
			inRequest(SAMPLED, () -> client.execute("{ ok }", Map.of(), null));
			assertThat(received).containsExactly(UNSAMPLED, "null");
		}
		finally {
			other.stop(0);
		}
	}

	/**
	 * The current span in a request's observation and in a field's observation on another
	 * thread, as Spring for GraphQL carries the request's context there.
	 */
	private static List<@Nullable Span> observedIn(AssertableWebApplicationContext context,
			@Nullable String traceparent) {
		ObservationRegistry observations = context.getBean(ObservationRegistry.class);
		Tracer tracer = context.getBean(Tracer.class);
		List<@Nullable Span> spans = new ArrayList<>();
		inRequest(traceparent, () -> Observation.createNotStarted("graphql.request", observations).observe(() -> {
			spans.add(tracer.currentSpan());
			ContextSnapshot snapshot = ContextSnapshotFactory.builder().build().captureAll();
			AtomicReference<@Nullable Span> field = new AtomicReference<>();
			CompletableFuture
				.runAsync(snapshot.wrap(() -> Observation.createNotStarted("graphql.datafetcher", observations)
					.observe(() -> field.set(tracer.currentSpan()))))
				.join();
			spans.add(field.get());
		}));
		return spans;
	}

	private static void inRequest(@Nullable String traceparent, Runnable work) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		if (traceparent != null) {
			request.addHeader("traceparent", traceparent);
		}
		FilterChain chain = (req, res) -> work.run();
		try {
			new RequestIdFilter().doFilter(request, new MockHttpServletResponse(), chain);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
