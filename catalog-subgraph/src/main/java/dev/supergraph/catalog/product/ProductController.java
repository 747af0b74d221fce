package dev.supergraph.catalog.product;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.supergraph.starter.ids.Ids;
import dev.supergraph.starter.pagination.KeysetPages;
import dev.supergraph.starter.pagination.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Product queries and {@code Product} entities.
 */
@Controller
class ProductController {

	private final ProductRepository products;

	private final KeysetPages pages;

	ProductController(ProductRepository products, KeysetPages pages) {
		this.products = products;
		this.pages = pages;
	}

	@QueryMapping
	@Nullable Product product(@Argument String id) {
		return this.products.findOneById(Ids.parse(id)).orElse(null);
	}

	@QueryMapping
	@Nullable Product productBySku(@Argument String sku) {
		return this.products.findOneBySku(sku).orElse(null);
	}

	@QueryMapping
	Window<Product> products(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable ProductFilter filter) {
		PageRequest page = this.pages.request(first, after);
		ProductFilter criteria = (filter != null) ? filter : ProductFilter.NONE;
		Long categoryId = (criteria.categoryId() != null) ? Ids.parse(criteria.categoryId()) : null;
		List<Product> rows = this.products.findPage(page.afterId(), categoryId, criteria.namePattern(),
				criteria.inStock(), Limit.of(page.fetchSize()));
		return this.pages.window(rows, page, Product::getId);
	}

	/**
	 * Resolves N representations with one statement per key kind, in their order, with
	 * {@code null} for unknown or malformed keys.
	 * @param representations the {@code _entities} representations of {@code Product}
	 * @return one product or {@code null} per representation
	 */
	@EntityMapping
	List<@Nullable Product> product(List<Map<String, Object>> representations) {
		Long[] ids = representations.stream()
			.filter((representation) -> representation.containsKey("id"))
			.map((representation) -> Ids.tryParse(representation.get("id")))
			.filter(OptionalLong::isPresent)
			.map(OptionalLong::getAsLong)
			.toArray(Long[]::new);
		String[] skus = representations.stream()
			.filter((representation) -> !representation.containsKey("id") && representation.get("sku") != null)
			.map((representation) -> String.valueOf(representation.get("sku")))
			.toArray(String[]::new);
		Map<Long, Product> byId = (ids.length == 0) ? Map.of() : index(this.products.findByIdIn(ids), Product::getId);
		Map<String, Product> bySku = (skus.length == 0) ? Map.of()
				: index(this.products.findBySkuIn(skus), Product::getSku);
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

	private static <K> Map<K, Product> index(List<Product> products, Function<Product, K> key) {
		return products.stream().collect(Collectors.toMap(key, Function.identity()));
	}

}
