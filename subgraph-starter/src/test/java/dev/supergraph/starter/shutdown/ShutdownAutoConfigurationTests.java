package dev.supergraph.starter.shutdown;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping a subgraph turns its readiness down first and keeps it up for the drain delay.
 */
class ShutdownAutoConfigurationTests {

	private final WebApplicationContextRunner contexts = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ShutdownAutoConfiguration.class));

	@Test
	void stoppingTurnsReadinessDownThenWaitsForTheDrainDelay() {
		List<ReadinessState> states = new CopyOnWriteArrayList<>();
		this.contexts.withPropertyValues("subgraph.shutdown.drain-delay=400ms")
			.withBean("readinessStates", ApplicationListener.class,
					() -> (ApplicationListener<AvailabilityChangeEvent<ReadinessState>>) (event) -> states
						.add(event.getState()))
			.run((context) -> {
				long started = System.nanoTime();
				((ConfigurableApplicationContext) context.getSourceApplicationContext()).close();
				assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(400_000_000L);
				assertThat(states).startsWith(ReadinessState.REFUSING_TRAFFIC);
			});
	}

	@Test
	void withoutADrainDelayStoppingDoesNotWait() {
		this.contexts.run((context) -> {
			assertThat(context).hasSingleBean(ReadinessDrain.class);
			long started = System.nanoTime();
			((ConfigurableApplicationContext) context.getSourceApplicationContext()).close();
			assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
		});
	}

}
