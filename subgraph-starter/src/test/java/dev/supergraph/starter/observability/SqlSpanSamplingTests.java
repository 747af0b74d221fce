package dev.supergraph.starter.observability;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JDBC connections and statements are observed (and so become spans) in sampled traces
 * only, and not at all when tracing is off; every statement is counted either way. Real
 * PostgreSQL ({@code SUBGRAPH_TEST_JDBC_URL}, else an embedded server), Spring Boot's
 * real OpenTelemetry tracing with the given sampling probability.
 */
class SqlSpanSamplingTests {

	private static @Nullable EmbeddedPostgres embedded;

	private static String url = "";

	@BeforeAll
	static void database() throws IOException {
		String configured = System.getenv("SUBGRAPH_TEST_JDBC_URL");
		if (configured != null && !configured.isBlank()) {
			url = configured;
		}
		else {
			embedded = EmbeddedPostgres.builder().start();
			url = embedded.getJdbcUrl("postgres", "postgres");
		}
	}

	@AfterAll
	static void stop() throws IOException {
		if (embedded != null) {
			embedded.close();
		}
	}

	private final WebApplicationContextRunner runner = runner(OpenTelemetrySdkAutoConfiguration.class,
			OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class);

	/** The starter's observability over a real database, with the given tracing. */
	private static WebApplicationContextRunner runner(Class<?>... tracing) {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					NoopTracerAutoConfiguration.class, ObservabilityAutoConfiguration.class))
			.withConfiguration(AutoConfigurations.of(tracing))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(DataSource.class, () -> new DriverManagerDataSource(url))
			.withBean(Started.class, Started::new);
	}

	@Test
	void aSampledRequestObservesItsConnectionAndStatement() {
		this.runner.withPropertyValues("management.tracing.sampling.probability=1.0").run((context) -> {
			assertThat(statementsInARequest(context)).contains("jdbc.connection", "jdbc.query");
			assertThat(counted(context)).isEqualTo(1);
		});
	}

	@Test
	void anUnsampledRequestObservesNoJdbcButCountsTheStatement() {
		this.runner.withPropertyValues("management.tracing.sampling.probability=0.0").run((context) -> {
			assertThat(statementsInARequest(context)).isNotEmpty().noneMatch((name) -> name.startsWith("jdbc"));
			assertThat(counted(context)).isEqualTo(1);
		});
	}

	@Test
	void withTracingOffNothingOfJdbcIsObserved() {
		// what TracingSwitch leaves when tracing is off: Spring Boot's no-op tracer only
		runner().run((context) -> {
			assertThat(context.getBean(Tracer.class)).isSameAs(Tracer.NOOP);
			assertThat(statementsInARequest(context)).isNotEmpty().noneMatch((name) -> name.startsWith("jdbc"));
			assertThat(counted(context)).isEqualTo(1);
		});
	}

	/**
	 * Runs one statement inside a request's observation; the names of the observations
	 * started.
	 */
	private static List<String> statementsInARequest(AssertableWebApplicationContext context) {
		ObservationRegistry registry = context.getBean(ObservationRegistry.class);
		JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
		Observation.createNotStarted("test.request", registry)
			.observe(() -> jdbc.queryForObject("select 1", Integer.class));
		return context.getBean(Started.class).names;
	}

	private static double counted(AssertableWebApplicationContext context) {
		return context.getBean(MeterRegistry.class).counter(SqlStatementMetrics.METRIC, "kind", "statement").count();
	}

	/** Records the name of every observation started. */
	static final class Started implements ObservationHandler<Observation.Context> {

		final List<String> names = new CopyOnWriteArrayList<>();

		@Override
		public void onStart(Observation.Context context) {
			this.names.add(context.getName());
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
