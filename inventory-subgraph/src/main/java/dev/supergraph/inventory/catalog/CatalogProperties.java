package dev.supergraph.inventory.catalog;

import java.net.URI;
import java.time.Duration;

import dev.supergraph.starter.settings.HttpUrl;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how patiently the inventory asks the catalog for the stock of products it has
 * no row for.
 *
 * @param url the catalog subgraph's GraphQL endpoint
 * @param timeout the connect timeout and, separately, the read timeout of one call; both
 * together stay under the router's timeout for the inventory (5 s), so a slower catalog
 * answers {@code SERVICE_UNAVAILABLE} for those products instead of timing out the whole
 * inventory request
 */
@ConfigurationProperties("inventory.catalog")
public record CatalogProperties(@DefaultValue("http://localhost:4003/graphql") @HttpUrl URI url,
		@DefaultValue("2s") @DurationMin(millis = 1) Duration timeout) {

}
