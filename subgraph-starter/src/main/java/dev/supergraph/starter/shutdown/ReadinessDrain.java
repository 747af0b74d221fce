package dev.supergraph.starter.shutdown;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * The first thing to stop: readiness turns to refusing traffic, and the subgraph keeps
 * serving for the drain delay before the web server's graceful shutdown (a later
 * lifecycle phase) stops accepting connections and completes the requests in flight.
 */
final class ReadinessDrain implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ReadinessDrain.class);

	private final ApplicationEventPublisher events;

	private final Duration delay;

	private volatile boolean running;

	ReadinessDrain(ApplicationEventPublisher events, Duration delay) {
		this.events = events;
		this.delay = delay;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
		logger.info("Stopping: readiness down, still serving for {} before in-flight requests are drained", this.delay);
		try {
			Thread.sleep(this.delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stopped before every other phase, the web server's graceful shutdown included. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
