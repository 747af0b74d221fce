package dev.supergraph.orders.pricing;

import java.net.URI;
import java.time.Duration;

import dev.supergraph.starter.settings.HttpUrl;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how patiently the orders subgraph asks the catalog for current prices.
 *
 * @param url the catalog subgraph's GraphQL endpoint
 * @param timeout the connect timeout and, separately, the read timeout of one call; a
 * slower catalog fails the placement with {@code SERVICE_UNAVAILABLE}
 */
@ConfigurationProperties("orders.catalog")
public record CatalogProperties(@DefaultValue("http://localhost:4003/graphql") @HttpUrl URI url,
		@DefaultValue("2s") @DurationMin(millis = 1) Duration timeout) {

}
