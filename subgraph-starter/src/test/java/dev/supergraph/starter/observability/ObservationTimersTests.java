package dev.supergraph.starter.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import net.ttddyy.observation.tracing.QueryContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every observation's timer as Micrometer's default handler names and tags it, one timer
 * per tag set however many observations stop, and no meters for the JDBC observations of
 * sampled traces; in a subgraph's context it records in place of Spring Boot's handler.
 */
class ObservationTimersTests {

	final MeterRegistry meters = new SimpleMeterRegistry();

	final ObservationRegistry observations = ObservationRegistry.create();

	@Test
	void anObservationIsTimedByItsNameLowCardinalityKeyValuesAndError() {
		this.observations.observationConfig().observationHandler(new ObservationTimers(this.meters, false));
		request("ProductPage").observe(() -> {
		});
		request("ProductPage").observe(() -> {
		});
		assertThatIllegalStateException().isThrownBy(() -> request("ProductPage").observe(() -> {
			throw new IllegalStateException("failed");
		}));
		request("UserOrders").observe(() -> {
		});
		Timer ok = this.meters.get("graphql.request")
			.tags("graphql.operation.name", "ProductPage", "error", "none")
			.timer();
		assertThat(ok.count()).isEqualTo(2);
		assertThat(ok.getId().getTags()).extracting("key").containsExactlyInAnyOrder("graphql.operation.name", "error");
		assertThat(this.meters.get("graphql.request")
			.tags("graphql.operation.name", "ProductPage", "error", "IllegalStateException")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.get("graphql.request").tags("graphql.operation.name", "UserOrders").timer().count())
			.isEqualTo(1);
		assertThat(this.meters.find("graphql.request.active").longTaskTimer()).isNull();
	}

	@Test
	void longTaskTimersAreKeptWhenNotIgnored() {
		this.observations.observationConfig().observationHandler(new ObservationTimers(this.meters, true));
		request("ProductPage").observe(() -> assertThat(this.meters.get("graphql.request.active")
			.tags("graphql.operation.name", "ProductPage")
			.longTaskTimer()
			.activeTasks()).isEqualTo(1));
		assertThat(this.meters.get("graphql.request.active").longTaskTimer().activeTasks()).isZero();
		assertThat(this.meters.get("graphql.request").timer().count()).isEqualTo(1);
	}

	@Test
	void theJdbcObservationsOfSampledTracesGetNoMeters() {
		this.observations.observationConfig().observationHandler(new ObservationTimers(this.meters, true));
		Observation query = Observation.createNotStarted("jdbc.query", QueryContext::new, this.observations);
		query.observe(() -> query.event(Observation.Event.of("acquired")));
		assertThat(this.meters.getMeters()).isEmpty();
	}

	@Test
	void inASubgraphItRecordsInPlaceOfSpringBootsHandler() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
					MicrometerTracingAutoConfiguration.class, ObservabilityAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				ObservationRegistry registry = context.getBean(ObservationRegistry.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				Observation.createNotStarted("graphql.request", registry).observe(() -> {
				});
				Observation.createNotStarted("jdbc.query", QueryContext::new, registry).observe(() -> {
				});
				// timed once, by one handler; Spring Boot's would have timed the JDBC
				// query too
				assertThat(meters.get("graphql.request").timer().count()).isEqualTo(1);
				assertThat(meters.find("jdbc.query").meters()).isEmpty();
			});
	}

	private Observation request(String operation) {
		return Observation.createNotStarted("graphql.request", this.observations)
			.lowCardinalityKeyValue("graphql.operation.name", operation)
			.highCardinalityKeyValue("graphql.execution.id", "1");
	}

}
