package dev.supergraph.inventory.stock;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.supergraph.starter.ids.Ids;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Product} entities: the router asks the inventory for the stock of products the
 * catalog (or an order) returned.
 */
@Controller
class StockEntitiesController {

	private final StockRepository stock;

	StockEntitiesController(StockRepository stock) {
		this.stock = stock;
	}

	/**
	 * Resolves N representations with one statement, in their order. The starter passes
	 * only well-formed ones (numeric ids). A product without a stock row is out of stock
	 * rather than unknown: the catalog owns which products exist.
	 * @param representations the {@code _entities} representations of {@code Product}
	 * @return one product per representation
	 */
	@EntityMapping
	List<Product> product(List<Map<String, Object>> representations) {
		List<Long> ids = representations.stream()
			.map((representation) -> Ids.tryParse(representation.get("id")).orElseThrow())
			.toList();
		Map<Long, Product> byId = this.stock.findByProductIdIn(ids.toArray(Long[]::new))
			.stream()
			.collect(Collectors.toMap(Product::id, Function.identity()));
		return ids.stream().map((id) -> byId.getOrDefault(id, Product.withoutStock(id))).toList();
	}

	@SchemaMapping
	boolean inStock(Product product) {
		return product.inStock();
	}

}
