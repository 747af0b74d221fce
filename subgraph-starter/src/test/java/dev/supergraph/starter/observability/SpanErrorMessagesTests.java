package dev.supergraph.starter.observability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import dev.supergraph.starter.errors.SubgraphException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;

import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * No span leaves a subgraph with an error's message ({@link SpanErrorMessages}): with
 * Spring Boot's real OpenTelemetry tracing and an exporter bean, a failed observation's
 * span is exported with the exception's type and stack frames, its message and the span's
 * status description withheld, as they may hold a client's value or a row's (PostgreSQL's
 * "Failing row contains (…)").
 */
class SpanErrorMessagesTests {

	private static final String SECRET = "secret-value-4e1a";

	private final List<SpanData> exported = new CopyOnWriteArrayList<>();

	private final WebApplicationContextRunner runner = TracingContexts.sampled()
		.withBean(SpanExporter.class, () -> new Recording(this.exported));

	@Test
	void noExportedSpanCarriesAnErrorsMessageOnlyItsTypeAndFrames() {
		this.runner.run((context) -> {
			List<SpanData> spans = failedObservation(context,
					new IllegalStateException("StatementCallback; bad SQL",
							new SQLException(
									"ERROR: new row violates check constraint\n  Detail: Failing row contains (1, "
											+ SECRET + ").")));
			assertThat(spans).singleElement().satisfies((span) -> {
				assertThat(span.toString()).doesNotContain(SECRET).doesNotContain("bad SQL");
				assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
				assertThat(span.getStatus().getDescription()).isEqualTo(SpanErrorMessages.WITHHELD);
				Attributes exception = span.getEvents().get(0).getAttributes();
				assertThat(exception.get(AttributeKey.stringKey("exception.type")))
					.isEqualTo(IllegalStateException.class.getName());
				assertThat(exception.get(AttributeKey.stringKey("exception.message")))
					.isEqualTo(SpanErrorMessages.WITHHELD);
				assertThat(exception.get(AttributeKey.stringKey("exception.stacktrace")))
					.startsWith(IllegalStateException.class.getName() + "\n\tat ")
					.contains("Caused by: " + SQLException.class.getName() + "\n")
					.contains("SpanErrorMessagesTests");
			});
		});
	}

	@Test
	void aSubgraphExceptionKeepsItsMessageWhichIsItsCodeAndKey() {
		this.runner.run((context) -> {
			List<SpanData> spans = failedObservation(context, SubgraphException.badInput("input.invalidId", SECRET));
			Attributes exception = spans.get(0).getEvents().get(0).getAttributes();
			assertThat(exception.get(AttributeKey.stringKey("exception.message")))
				.isEqualTo("BAD_USER_INPUT: input.invalidId");
			assertThat(spans.toString()).doesNotContain(SECRET);
		});
	}

	@Test
	void springBootsOtlpExporterSendsNoMessageToARealReceiver() throws IOException {
		List<byte[]> received = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/v1/traces", (exchange) -> {
			received.add(exchange.getRequestBody().readAllBytes());
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		try {
			new WebApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
						NoopTracerAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
						OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class,
						MicrometerTracingAutoConfiguration.class, ObservabilityAutoConfiguration.class))
				.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
				.withPropertyValues("management.tracing.sampling.probability=1.0",
						"management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:"
								+ receiver.getAddress().getPort() + "/v1/traces")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(SpanExporter.class)).isInstanceOf(SpanErrorMessages.class);
					ObservationRegistry observations = context.getBean(ObservationRegistry.class);
					assertThatException().isThrownBy(
							() -> Observation.createNotStarted("graphql.datafetcher", observations).observe(() -> {
								throw new IllegalStateException("Key (sku)=(" + SECRET + ") already exists.");
							}));
					context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
				});
		}
		finally {
			receiver.stop(0);
		}
		String sent = received.stream()
			.map((bytes) -> new String(bytes, StandardCharsets.UTF_8))
			.reduce("", String::concat);
		assertThat(sent).contains("graphql.datafetcher").contains(SpanErrorMessages.WITHHELD).doesNotContain(SECRET);
	}

	private List<SpanData> failedObservation(AssertableWebApplicationContext context, RuntimeException error) {
		ObservationRegistry observations = context.getBean(ObservationRegistry.class);
		assertThatException()
			.isThrownBy(() -> Observation.createNotStarted("graphql.datafetcher", observations).observe(() -> {
				throw error;
			}));
		context.getBean(SdkTracerProvider.class).forceFlush().join(5, TimeUnit.SECONDS);
		assertThat(context.getBean(SpanExporter.class)).isInstanceOf(SpanErrorMessages.class);
		return this.exported;
	}

	static final class Recording implements SpanExporter {

		private final List<SpanData> spans;

		Recording(List<SpanData> spans) {
			this.spans = spans;
		}

		@Override
		public CompletableResultCode export(Collection<SpanData> exported) {
			this.spans.addAll(exported);
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
