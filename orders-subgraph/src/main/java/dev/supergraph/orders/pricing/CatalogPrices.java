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
 * Asks the catalog subgraph for the current unit prices and the units in stock of
 * products, in one {@code _entities} call on the caller's behalf. The call is
 * {@link CurrentPrices}, generated from
 * {@code src/main/subgraph-operations/catalog/CurrentPrices.graphql} and checked against
 * the catalog's schema at build time, under the caller's client name. The units are the
 * catalog's {@code catalogStockQuantity} ({@code @inaccessible}, for signed calls only):
 * while {@code Product.inStock} moves to the inventory, both owners answer it from the
 * same count (the inventory takes the catalog's over), so the price call also gives the
 * stock clients are shown, whichever owner the router asks. A catalog that is down, slow
 * or answering with errors is {@code SERVICE_UNAVAILABLE}: a placement never guesses a
 * price or a stock. A catalog that refuses the call because the caller is over their rate
 * limit there is {@code RATE_LIMITED}.
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
	 * The current prices and units in stock of products.
	 * @param productIds the products
	 * @param context the GraphQL context of the caller's request, for its credentials
	 * @return the quote of each product the catalog knows; unknown ones are absent
	 * @throws SubgraphException with {@code SERVICE_UNAVAILABLE} when the catalog fails,
	 * {@code RATE_LIMITED} when it refuses the caller as over their rate limit
	 */
	public Map<Long, CatalogQuote> currentQuotes(Collection<Long> productIds, GraphQLContext context) {
		List<Map<String, Object>> representations = productIds.stream()
			.map((id) -> Map.<String, Object>of("__typename", "Product", "id", String.valueOf(id)))
			.toList();
		List<Product> products = fetch(new CurrentPrices.Variables(representations),
				context.get(CallerAuthorization.CONTEXT_KEY), context.get(ClientNames.KEY));
		Map<Long, CatalogQuote> quotes = new HashMap<>();
		for (@Nullable
		Product product : products) {
			if (product != null) {
				quotes.put(Long.valueOf(product.id()), new CatalogQuote(
						new Money(product.price().amount(), product.price().currency()), product.stockQuantity()));
			}
		}
		return quotes;
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
			if (products.stream().anyMatch((product) -> product != null && product.stockQuantity() == null)) {
				// the catalog declares the count non-null: a product without one is no
				// answer
				throw new IllegalStateException("Catalog answered a product without its stock");
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
