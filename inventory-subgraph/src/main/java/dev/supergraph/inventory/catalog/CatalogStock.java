package dev.supergraph.inventory.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.supergraph.client.model.Product;
import dev.supergraph.starter.security.RouterSignature;
import dev.supergraph.starter.security.SignedSubgraphClient;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClientException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Asks the catalog subgraph for the units in stock it recorded for products, in one
 * signed {@code _entities} call: {@link CatalogStockQuantities}, generated from
 * {@code src/main/subgraph-operations/catalog/CatalogStockQuantities.graphql} and checked
 * against the catalog's schema at build time. The inventory asks as itself, without the
 * caller's token: the answer becomes the inventory's own stock row, served to everybody,
 * so it must not depend on who asked first.
 */
@Component
public class CatalogStock {

	/**
	 * The most products asked in one call. Any number fits the inventory's own request,
	 * but not the catalog's: an {@code _entities} request the inventory accepts just
	 * under its body limit would make a call over the catalog's (the same 64 KB by
	 * default), which the catalog refuses. At most 52 bytes each (an 18-digit id), 500
	 * representations stay under half of that limit.
	 */
	public static final int MAX_PRODUCTS_PER_CALL = 500;

	private static final CatalogStockQuantities STOCK = CatalogStockQuantities.OPERATION;

	private static final Logger logger = LoggerFactory.getLogger(CatalogStock.class);

	private final SignedSubgraphClient catalog;

	CatalogStock(CatalogProperties properties, RouterSignature signature, ObservationRegistry observations) {
		this.catalog = SignedSubgraphClient.create(properties.url(), properties.timeout(), signature, observations);
	}

	/**
	 * The units in stock the catalog recorded for products, in one call.
	 * @param productIds the products, at most {@link #MAX_PRODUCTS_PER_CALL}
	 * @param clientName the client of the request that needs them, so the catalog's
	 * metrics label the call as the inventory's were labelled; or {@code null}
	 * @return the units of each product the catalog knows (unknown ones are absent), or
	 * empty when the catalog is down, slower than the timeout or answered with errors
	 */
	public Optional<Map<Long, Integer>> quantities(Collection<Long> productIds, @Nullable String clientName) {
		List<Map<String, Object>> representations = productIds.stream()
			.map((id) -> Map.<String, Object>of("__typename", "Product", "id", String.valueOf(id)))
			.toList();
		try {
			return Optional.of(byId(fetch(representations, clientName)));
		}
		catch (GraphQlClientException | RestClientException | IllegalStateException ex) {
			logger.warn("Catalog stock call failed: {}", ex.toString());
			return Optional.empty();
		}
	}

	private List<Product> fetch(List<Map<String, Object>> representations, @Nullable String clientName) {
		ClientGraphQlResponse response = this.catalog.execute(STOCK.document(),
				STOCK.variables(new CatalogStockQuantities.Variables(representations)), null, clientName);
		if (!response.isValid() || !response.getErrors().isEmpty()) {
			// a partial answer is no answer: the inventory never records a guessed stock
			throw new IllegalStateException("Catalog errors: " + response.getErrors());
		}
		List<Product> products = response.field(STOCK.rootField()).toEntity(STOCK.resultType());
		if (products == null) {
			throw new IllegalStateException("Catalog answered no _entities");
		}
		return products;
	}

	private static Map<Long, Integer> byId(List<Product> products) {
		Map<Long, Integer> quantities = new HashMap<>();
		for (@Nullable
		Product product : products) {
			if (product != null && product.stockQuantity() != null) {
				quantities.put(Long.valueOf(product.id()), product.stockQuantity());
			}
		}
		return quantities;
	}

}
