package dev.supergraph.orders.pricing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.supergraph.client.model.Product;
import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.SubgraphException;
import dev.supergraph.starter.money.Money;
import dev.supergraph.starter.observability.ClientNames;
import dev.supergraph.starter.security.RouterSignature;
import dev.supergraph.starter.security.SignedSubgraphClient;
import graphql.GraphQLContext;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClientException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * Asks the catalog subgraph for the current unit prices of products, in one
 * {@code _entities} call on the caller's behalf. The call is {@link CurrentPrices},
 * generated from {@code src/main/subgraph-operations/catalog/CurrentPrices.graphql} and
 * checked against the catalog's schema at build time, under the caller's client name. A
 * catalog that is down, slow or answering with errors is {@code SERVICE_UNAVAILABLE}: a
 * placement never guesses a price. A catalog that refuses the call because the caller is
 * over their rate limit there is {@code RATE_LIMITED}.
 */
@Component
public class CatalogPrices {

	private static final CurrentPrices CURRENT_PRICES = CurrentPrices.OPERATION;

	private static final Logger logger = LoggerFactory.getLogger(CatalogPrices.class);

	private final SignedSubgraphClient catalog;

	CatalogPrices(CatalogProperties properties, RouterSignature signature, ObservationRegistry observations) {
		this.catalog = SignedSubgraphClient.create(properties.url(), properties.timeout(), signature, observations);
	}

	/**
	 * The current prices of products.
	 * @param productIds the products
	 * @param context the GraphQL context of the caller's request, for its credentials
	 * @return the price of each product the catalog knows; unknown ones are absent
	 * @throws SubgraphException with {@code SERVICE_UNAVAILABLE} when the catalog fails,
	 * {@code RATE_LIMITED} when it refuses the caller as over their rate limit
	 */
	public Map<Long, Money> currentPrices(Collection<Long> productIds, GraphQLContext context) {
		List<Map<String, Object>> representations = productIds.stream()
			.map((id) -> Map.<String, Object>of("__typename", "Product", "id", String.valueOf(id)))
			.toList();
		List<Product> products = fetch(new CurrentPrices.Variables(representations),
				context.get(CallerAuthorization.CONTEXT_KEY), context.get(ClientNames.KEY));
		Map<Long, Money> prices = new HashMap<>();
		for (@Nullable
		Product product : products) {
			if (product != null) {
				prices.put(Long.valueOf(product.id()), new Money(product.price().amount(), product.price().currency()));
			}
		}
		return prices;
	}

	private List<Product> fetch(CurrentPrices.Variables variables, @Nullable String authorization,
			@Nullable String clientName) {
		try {
			ClientGraphQlResponse response = this.catalog.execute(CURRENT_PRICES.document(),
					CURRENT_PRICES.variables(variables), authorization, clientName);
			if (!response.isValid() || !response.getErrors().isEmpty()) {
				// a partial answer is no answer: a placement never guesses a price
				throw new IllegalStateException("Catalog errors: " + response.getErrors());
			}
			List<Product> products = response.field(CURRENT_PRICES.rootField()).toEntity(CURRENT_PRICES.resultType());
			if (products == null) {
				throw new IllegalStateException("Catalog answered no _entities");
			}
			return products;
		}
		catch (HttpClientErrorException.TooManyRequests ex) {
			// the call is on the caller's behalf, so the catalog counts it against the
			// caller's budget: over it, the caller is rate-limited, the catalog is not
			// down
			throw new SubgraphException(ErrorCode.RATE_LIMITED, "orders.catalogRateLimited");
		}
		catch (GraphQlClientException | RestClientException | IllegalStateException ex) {
			logger.warn("Catalog call failed: {}", ex.toString());
			throw SubgraphException.unavailable("orders.catalogUnavailable");
		}
	}

}
