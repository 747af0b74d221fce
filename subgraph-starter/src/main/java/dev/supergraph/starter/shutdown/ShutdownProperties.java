package dev.supergraph.starter.shutdown;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a subgraph stops.
 *
 * @param drainDelay after a stop signal, how long the subgraph keeps serving with its
 * readiness down, so load balancers (a Kubernetes Service, a router's) stop sending
 * before it stops accepting; then the web server completes the requests in flight (Spring
 * Boot's graceful shutdown, bounded by
 * {@code spring.lifecycle.timeout-per-shutdown-phase})
 */
@ConfigurationProperties(prefix = "subgraph.shutdown", ignoreUnknownFields = false)
public record ShutdownProperties(@DefaultValue("0s") @DurationMin(nanos = 0) Duration drainDelay) {

}
