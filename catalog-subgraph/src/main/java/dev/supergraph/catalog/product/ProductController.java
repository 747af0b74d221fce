package dev.supergraph.catalog.product;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import dev.supergraph.starter.ids.Ids;
import dev.supergraph.starter.pagination.KeysetPages;
import dev.supergraph.starter.pagination.PageRequest;
import graphql.relay.Connection;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Product queries and {@code Product} entities.
 */
@Controller
class ProductController {

	private final ProductReads products;

	private final KeysetPages pages;

	ProductController(ProductReads products, KeysetPages pages) {
		this.products = products;
		this.pages = pages;
	}

	@QueryMapping
	@Nullable Product product(@Argument String id) {
		long productId = Ids.parse(id);
		return this.products.byIds(List.of(productId)).get(productId);
	}

	@QueryMapping
	@Nullable Product productBySku(@Argument String sku) {
		// trimmed as createProduct trims the SKU it stores
		String stored = sku.strip();
		return this.products.bySkus(List.of(stored)).get(stored);
	}

	@QueryMapping
	Connection<Product> products(@Argument @Nullable ProductFilter filter, DataFetchingEnvironment environment) {
		PageRequest page = this.pages.request(environment);
		ProductFilter criteria = (filter != null) ? filter : ProductFilter.NONE;
		Long categoryId = (criteria.categoryId() != null) ? Ids.parse(criteria.categoryId()) : null;
		List<Product> rows = criteria.matchesNoName() ? List.of()
				: this.products.page(page, categoryId, criteria.namePattern(), criteria.inStock());
		return this.pages.connection(rows, page, Product::getId);
	}

	/**
	 * The stock the inventory takes over for a product it has no row for (an
	 * {@code @inaccessible} field: only a signed subgraph call reaches it).
	 * @param product the product
	 * @return its units in stock
	 */
	@SchemaMapping
	int catalogStockQuantity(Product product) {
		return product.getStockQuantity();
	}

	/**
	 * Resolves N representations with at most one statement per key kind (none when all
	 * are cached), in their order, with {@code null} for unknown or malformed keys.
	 * @param representations the {@code _entities} representations of {@code Product}
	 * @return one product or {@code null} per representation
	 */
	@EntityMapping
	List<@Nullable Product> product(List<Map<String, Object>> representations) {
		List<Long> ids = representations.stream()
			.filter((representation) -> representation.containsKey("id"))
			.map((representation) -> Ids.tryParse(representation.get("id")))
			.filter(OptionalLong::isPresent)
			.map(OptionalLong::getAsLong)
			.toList();
		List<String> skus = representations.stream()
			.filter((representation) -> !representation.containsKey("id") && representation.get("sku") != null)
			.map((representation) -> String.valueOf(representation.get("sku")))
			.toList();
		Map<Long, Product> byId = ids.isEmpty() ? Map.of() : this.products.byIds(ids);
		Map<String, Product> bySku = skus.isEmpty() ? Map.of() : this.products.bySkus(skus);
		return representations.stream().map((representation) -> lookup(representation, byId, bySku)).toList();
	}

	private static @Nullable Product lookup(Map<String, Object> representation, Map<Long, Product> byId,
			Map<String, Product> bySku) {
		if (representation.containsKey("id")) {
			OptionalLong id = Ids.tryParse(representation.get("id"));
			return id.isPresent() ? byId.get(id.getAsLong()) : null;
		}
		return bySku.get(String.valueOf(representation.get("sku")));
	}

}
