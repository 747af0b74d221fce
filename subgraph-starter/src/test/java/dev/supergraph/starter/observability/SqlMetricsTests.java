package dev.supergraph.starter.observability;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.supergraph.starter.testsubgraph.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL metrics and spans over real PostgreSQL ({@code SUBGRAPH_TEST_JDBC_URL}, else an
 * embedded server) with Spring Boot's real JDBC, transaction and OpenTelemetry tracing
 * auto-configuration: every statement of the application's {@code JdbcTemplate} and
 * {@code JdbcClient}, every commit and rollback is counted; JDBC connections and
 * statements are observed (and so become spans) in sampled traces only, through a proxy
 * that unsampled requests never see, and not at all when tracing is off.
 */
class SqlMetricsTests {

	private static String url = "";

	@BeforeAll
	static void database() throws IOException {
		url = TestPostgres.url();
	}

	private final WebApplicationContextRunner runner = runner(OpenTelemetrySdkAutoConfiguration.class,
			OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class);

	/** The starter's SQL metrics over a real database, with the given tracing. */
	private static WebApplicationContextRunner runner(Class<?>... tracing) {
		return new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ObservationAutoConfiguration.class, NoopTracerAutoConfiguration.class,
							SqlMetricsAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
							JdbcClientAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
							TransactionManagerCustomizationAutoConfiguration.class))
			.withConfiguration(AutoConfigurations.of(tracing))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(DataSource.class, () -> new DriverManagerDataSource(url))
			.withBean(Started.class, Started::new);
	}

	@Test
	void aSampledRequestObservesItsConnectionAndStatement() {
		this.runner.withPropertyValues("management.tracing.sampling.probability=1.0").run((context) -> {
			assertThat(statementsInARequest(context)).contains("jdbc.connection", "jdbc.query");
			assertThat(counted(context, "statement")).isEqualTo(1);
		});
	}

	@Test
	void anUnsampledRequestGetsAConnectionWithoutProxyAndCountsTheStatement() {
		this.runner.withPropertyValues("management.tracing.sampling.probability=0.0").run((context) -> {
			assertThat(statementsInARequest(context)).isNotEmpty().noneMatch((name) -> name.startsWith("jdbc"));
			assertThat(counted(context, "statement")).isEqualTo(1);
			Class<?> connection = inARequest(context, () -> {
				try (Connection held = context.getBean(DataSource.class).getConnection()) {
					return held.getClass();
				}
			});
			assertThat(Proxy.isProxyClass(connection)).as(connection.getName()).isFalse();
		});
	}

	@Test
	void aRequestItsCallerDidNotSampleGetsAConnectionWithoutProxyWhateverTheSamplerSays() {
		this.runner.withPropertyValues("management.tracing.sampling.probability=1.0").run((context) -> {
			UnsampledRequests.begin("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
			try {
				Class<?> connection = inARequest(context, () -> {
					try (Connection held = context.getBean(DataSource.class).getConnection()) {
						return held.getClass();
					}
				});
				assertThat(Proxy.isProxyClass(connection)).as(connection.getName()).isFalse();
			}
			finally {
				UnsampledRequests.end();
			}
		});
	}

	@Test
	void withTracingOffNothingOfJdbcIsObservedOrProxied() {
		// what TracingSwitch leaves when tracing is off: Spring Boot's no-op tracer only
		runner().run((context) -> {
			assertThat(context.getBean(Tracer.class)).isSameAs(Tracer.NOOP);
			assertThat(context.getBean(DataSource.class)).isInstanceOf(DriverManagerDataSource.class);
			assertThat(statementsInARequest(context)).isNotEmpty().noneMatch((name) -> name.startsWith("jdbc"));
			assertThat(counted(context, "statement")).isEqualTo(1);
		});
	}

	@Test
	void everyStatementOfTheJdbcClientIsCountedAndSpringBootsTemplateSettingsHold() {
		runner().withPropertyValues("spring.jdbc.template.query-timeout=7s", "spring.jdbc.template.fetch-size=50")
			.run((context) -> {
				JdbcTemplate template = context.getBean(JdbcTemplate.class);
				assertThat(template.getQueryTimeout()).isEqualTo(7);
				assertThat(template.getFetchSize()).isEqualTo(50);
				JdbcClient jdbc = context.getBean(JdbcClient.class);
				jdbc.sql("select 1").query(Integer.class).single();
				jdbc.sql("select n from generate_series(1, 3) n").query(Integer.class).list();
				try (var rows = jdbc.sql("select n from generate_series(1, 3) n").query(Integer.class).stream()) {
					assertThat(rows).hasSize(3);
				}
				template.batchUpdate("create temp table counted (n int)", "insert into counted values (1)");
				assertThat(counted(context, "statement")).isEqualTo(4);
			});
	}

	@Test
	void commitsAndRollbacksAreRoundTripsToo() {
		runner().run((context) -> {
			TransactionTemplate transactions = new TransactionTemplate(
					context.getBean(PlatformTransactionManager.class));
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			transactions.executeWithoutResult((status) -> jdbc.sql("select 1").query(Integer.class).single());
			transactions.executeWithoutResult((status) -> {
				jdbc.sql("select 1").query(Integer.class).single();
				status.setRollbackOnly();
			});
			assertThat(counted(context, "statement")).isEqualTo(2);
			assertThat(counted(context, "commit")).isEqualTo(1);
			assertThat(counted(context, "rollback")).isEqualTo(1);
		});
	}

	@Test
	void turnedOffTheTemplateIsSpringBootsAndNothingIsCounted() {
		runner().withPropertyValues("subgraph.observability.sql-metrics=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SqlStatementCounts.class)
				.getBean(JdbcTemplate.class)
				.isNotInstanceOf(CountingJdbcTemplate.class));
	}

	/**
	 * Runs one statement inside a request's observation; the names of the observations
	 * started.
	 */
	private static List<String> statementsInARequest(AssertableWebApplicationContext context) {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		inARequest(context, () -> jdbc.queryForObject("select 1", Integer.class));
		return context.getBean(Started.class).names;
	}

	private static <T> T inARequest(AssertableWebApplicationContext context, Observation.CheckedCallable<T, ?> work) {
		try {
			return Observation.createNotStarted("test.request", context.getBean(ObservationRegistry.class))
				.observeChecked(work);
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static double counted(AssertableWebApplicationContext context, String kind) {
		return context.getBean(MeterRegistry.class).counter(SqlStatementCounts.METRIC, "kind", kind).count();
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
