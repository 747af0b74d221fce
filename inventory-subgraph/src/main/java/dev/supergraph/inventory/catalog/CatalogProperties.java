package dev.supergraph.inventory.catalog;

import java.net.URI;
import java.time.Duration;

import dev.supergraph.starter.settings.HttpUrl;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how patiently the inventory asks the catalog for the stock of products it has
 * no row for, and how long it believes the catalog's "no such product".
 *
 * @param url the catalog subgraph's GraphQL endpoint
 * @param timeout the connect timeout and, separately, the read timeout of one call; both
 * together stay under the router's timeout for the inventory (5 s), so a slower catalog
 * answers {@code SERVICE_UNAVAILABLE} for those products instead of timing out the whole
 * inventory request
 * @param unknownProductTtl how long a product id the catalog answered it does not know is
 * not asked about again: a client repeating ids that do not exist costs one catalog call
 * per id and period, and a product created in the catalog after its id was asked about is
 * out of stock in the inventory for this long at most; 0 asks every time
 * @param unknownProducts the most such ids remembered at once; 0 remembers none
 */
@ConfigurationProperties("inventory.catalog")
public record CatalogProperties(@DefaultValue("http://localhost:4003/graphql") @HttpUrl URI url,
		@DefaultValue("2s") @DurationMin(millis = 1) Duration timeout,
		@DefaultValue("30s") @DurationMin(nanos = 0) Duration unknownProductTtl,
		@DefaultValue("10000") @Min(0) int unknownProducts) {

}
