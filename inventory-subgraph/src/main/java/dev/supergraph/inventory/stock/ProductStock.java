package dev.supergraph.inventory.stock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.supergraph.inventory.catalog.CatalogStock;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The stock of products, taken over from the catalog on first read. While
 * {@code Product.inStock} moves from the catalog to the inventory, a product created in
 * the catalog after the inventory was seeded has no stock row here: the inventory asks
 * the catalog once for all such products of a batch and records the answer as its own
 * rows, so from then on both subgraphs answer the same and the inventory owns that stock.
 * A product the catalog does not know has no stock and no row, and is not asked about
 * again while {@link UnknownProducts} remembers it.
 */
@Component
class ProductStock {

	private final StockRepository rows;

	private final CatalogStock catalog;

	private final UnknownProducts unknown;

	ProductStock(StockRepository rows, CatalogStock catalog, UnknownProducts unknown) {
		this.rows = rows;
		this.catalog = catalog;
		this.unknown = unknown;
	}

	/**
	 * The stock of products: one statement when the inventory holds them all, else, for
	 * the others not recently answered unknown, one catalog call and one insert per
	 * {@value CatalogStock#MAX_PRODUCTS_PER_CALL} of them.
	 * @param ids the product ids
	 * @param clientName the request's client, for the catalog's metrics
	 * @return one product per id, in their order
	 */
	List<Product> of(List<Long> ids, @Nullable String clientName) {
		Map<Long, Product> byId = new HashMap<>(this.rows.findByProductIdIn(ids.toArray(Long[]::new))
			.stream()
			.collect(Collectors.toMap(Product::id, Function.identity())));
		List<Long> missing = ids.stream().distinct().filter((id) -> !byId.containsKey(id)).toList();
		this.unknown.remembered(missing).forEach((id) -> byId.put(id, Product.withoutStock(id)));
		List<Long> asked = missing.stream().filter((id) -> !byId.containsKey(id)).toList();
		if (!asked.isEmpty()) {
			byId.putAll(takeOver(asked, clientName));
		}
		return ids.stream().map(byId::get).toList();
	}

	private Map<Long, Product> takeOver(List<Long> ids, @Nullable String clientName) {
		Map<Long, Product> products = new HashMap<>();
		for (int from = 0; from < ids.size(); from += CatalogStock.MAX_PRODUCTS_PER_CALL) {
			List<Long> part = ids.subList(from, Math.min(ids.size(), from + CatalogStock.MAX_PRODUCTS_PER_CALL));
			Optional<Map<Long, Integer>> counted = this.catalog.quantities(part, clientName);
			if (counted.isEmpty()) {
				// a catalog that failed once is not asked again in this request, so the
				// request fails within one call's timeouts
				ids.subList(from, ids.size()).forEach((id) -> products.put(id, Product.uncounted(id)));
				break;
			}
			products.putAll(record(part, counted.get()));
		}
		return products;
	}

	private Map<Long, Product> record(List<Long> ids, Map<Long, Integer> quantities) {
		if (!quantities.isEmpty()) {
			this.rows.insertMissing(quantities);
		}
		this.unknown.remember(ids.stream().filter((id) -> !quantities.containsKey(id)).toList());
		return ids.stream()
			.collect(Collectors.toMap(Function.identity(), (id) -> quantities.containsKey(id)
					? new Product(id, quantities.get(id)) : Product.withoutStock(id)));
	}

}
