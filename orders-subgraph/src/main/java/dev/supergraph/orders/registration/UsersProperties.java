package dev.supergraph.orders.registration;

import java.net.URI;
import java.time.Duration;

import dev.supergraph.starter.settings.HttpUrl;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how patiently the orders subgraph asks the users subgraph whether a buyer is
 * registered.
 *
 * @param url the users subgraph's GraphQL endpoint
 * @param timeout the connect timeout and, separately, the read timeout of one call; a
 * slower users subgraph fails the placement with {@code SERVICE_UNAVAILABLE}
 */
@ConfigurationProperties("orders.users")
public record UsersProperties(@DefaultValue("http://localhost:4001/graphql") @HttpUrl URI url,
		@DefaultValue("2s") @DurationMin(millis = 1) Duration timeout) {

}
