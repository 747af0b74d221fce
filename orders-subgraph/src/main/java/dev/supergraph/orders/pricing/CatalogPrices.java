package dev.supergraph.orders.pricing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.supergraph.starter.errors.SubgraphException;
import dev.supergraph.starter.money.Money;
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
import org.springframework.web.client.RestClientException;

/**
 * Asks the catalog subgraph for the current unit prices of products, in one
 * {@code _entities} call on the caller's behalf. A catalog that is down, slow or
 * answering with errors is {@code SERVICE_UNAVAILABLE}: a placement never guesses a
 * price.
 */
@Component
public class CatalogPrices {

	private static final String DOCUMENT = """
			query CurrentPrices($representations: [_Any!]!) {
			  _entities(representations: $representations) { ... on Product { id price { amount currency } } }
			}""";

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
	 * @throws SubgraphException with {@code SERVICE_UNAVAILABLE} when the catalog fails
	 */
	public Map<Long, Money> currentPrices(Collection<Long> productIds, GraphQLContext context) {
		List<Map<String, Object>> representations = productIds.stream()
			.map((id) -> Map.<String, Object>of("__typename", "Product", "id", String.valueOf(id)))
			.toList();
		List<@Nullable CatalogProduct> products = fetch(representations, context.get(CallerAuthorization.CONTEXT_KEY));
		Map<Long, Money> prices = new HashMap<>();
		for (CatalogProduct product : products) {
			if (product != null) {
				prices.put(Long.valueOf(product.id()), product.price());
			}
		}
		return prices;
	}

	private List<@Nullable CatalogProduct> fetch(List<Map<String, Object>> representations,
			@Nullable String authorization) {
		try {
			ClientGraphQlResponse response = this.catalog.execute(DOCUMENT, Map.of("representations", representations),
					authorization);
			if (!response.isValid() || !response.getErrors().isEmpty()) {
				// a partial answer is no answer: a placement never guesses a price
				throw new IllegalStateException("Catalog errors: " + response.getErrors());
			}
			return response.field("_entities").toEntityList(CatalogProduct.class);
		}
		catch (GraphQlClientException | RestClientException | IllegalStateException ex) {
			logger.warn("Catalog call failed: {}", ex.toString());
			throw SubgraphException.unavailable("orders.catalogUnavailable");
		}
	}

	/**
	 * A product as the catalog answers it.
	 *
	 * @param id the product's id
	 * @param price its current unit price
	 */
	record CatalogProduct(String id, Money price) {

	}

}
