package dev.supergraph.starter.observability;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a subgraph measures beyond Spring's defaults (docs/observability.md).
 *
 * @param sqlMetrics whether database round trips are counted, in total and per operation
 * @param maxOperationNames how many distinct operation names become metric labels; any
 * further one is labelled {@code other}
 * @param maxClientNames how many distinct client names become metric labels; any further
 * one is labelled {@code other}
 * @param fieldSampleRate share of requests whose resolvers are timed per
 * {@code Type.field} (0 to 1); the others skip the per-field observation altogether
 */
@ConfigurationProperties(prefix = "subgraph.observability", ignoreUnknownFields = false)
public record ObservabilityProperties(@DefaultValue("true") boolean sqlMetrics,
		@DefaultValue("100") @Min(0) int maxOperationNames, @DefaultValue("100") @Min(0) int maxClientNames,
		@DefaultValue("0.1") @DecimalMin("0") @DecimalMax("1") double fieldSampleRate) {

}
