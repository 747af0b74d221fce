package dev.supergraph.inventory.stock;

import java.util.List;
import java.util.Map;

import dev.supergraph.starter.ids.Ids;
import dev.supergraph.starter.observability.ClientNames;
import graphql.GraphQLContext;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Product} entities: the router asks the inventory for the stock of products the
 * catalog (or an order) returned.
 */
@Controller
class StockEntitiesController {

	private final ProductStock stock;

	StockEntitiesController(ProductStock stock) {
		this.stock = stock;
	}

	/**
	 * Resolves N representations in their order, with one statement when the inventory
	 * holds all of them ({@link ProductStock}). The starter passes only well-formed ones
	 * (numeric ids).
	 * @param representations the {@code _entities} representations of {@code Product}
	 * @param context the request's GraphQL context, for its client name
	 * @return one product per representation
	 */
	@EntityMapping
	List<Product> product(List<Map<String, Object>> representations, GraphQLContext context) {
		List<Long> ids = representations.stream()
			.map((representation) -> Ids.tryParse(representation.get("id")).orElseThrow())
			.toList();
		return this.stock.of(ids, context.get(ClientNames.KEY));
	}

	@SchemaMapping
	boolean inStock(Product product) {
		return product.inStock();
	}

	@SchemaMapping
	int stockQuantity(Product product) {
		return product.stockQuantity();
	}

}
