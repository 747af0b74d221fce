package dev.supergraph.catalog.product;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.supergraph.catalog.cache.CacheRegion;
import dev.supergraph.catalog.cache.CatalogCache;
import dev.supergraph.starter.pagination.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Product reads through the catalog cache. A miss costs what the uncached read costs: the
 * missing keys of a batch are loaded with one statement, so the batching rules hold for a
 * cold cache too.
 */
@Component
class ProductReads {

	private final ProductRows rows;

	private final CatalogCache cache;

	ProductReads(ProductRows rows, CatalogCache cache) {
		this.rows = rows;
		this.cache = cache;
	}

	/**
	 * Products by id, shared by {@code product(id)} and {@code _entities}.
	 * @param ids the ids
	 * @return the products found, by id
	 */
	Map<Long, Product> byIds(Collection<Long> ids) {
		Map<ProductId, Product> found = this.cache.getAll(CacheRegion.PRODUCTS,
				ids.stream().map(ProductId::new).toList(),
				(missing) -> index(this.rows.findByIdIn(missing.stream().map(ProductId::id).toArray(Long[]::new)),
						(product) -> new ProductId(product.getId())));
		return found.values().stream().collect(Collectors.toMap(Product::getId, Function.identity()));
	}

	/**
	 * Products by SKU, shared by {@code productBySku} and {@code _entities}.
	 * @param skus the SKUs
	 * @return the products found, by SKU
	 */
	Map<String, Product> bySkus(Collection<String> skus) {
		Map<ProductSku, Product> found = this.cache.getAll(CacheRegion.PRODUCTS,
				skus.stream().map(ProductSku::new).toList(),
				(missing) -> index(this.rows.findBySkuIn(missing.stream().map(ProductSku::sku).toArray(String[]::new)),
						(product) -> new ProductSku(product.getSku())));
		return found.values().stream().collect(Collectors.toMap(Product::getSku, Function.identity()));
	}

	/**
	 * One page of {@code products}, the rows as fetched (one more than the page size at
	 * most).
	 * @param page the page request
	 * @param categoryId the category filter
	 * @param namePattern the name filter as a LIKE pattern
	 * @param inStock the stock filter
	 * @return the rows in id order
	 */
	List<Product> page(PageRequest page, @Nullable Long categoryId, @Nullable String namePattern,
			@Nullable Boolean inStock) {
		ProductPage key = new ProductPage(page.afterId(), page.fetchSize(), categoryId, namePattern, inStock);
		return this.cache.get(CacheRegion.PRODUCT_PAGES, key, () -> List
			.copyOf(this.rows.findPage(page.afterId(), categoryId, namePattern, inStock, page.fetchSize())));
	}

	/**
	 * The same page of several categories, the missing ones loaded with one statement.
	 * @param categoryIds the categories
	 * @param page the page request
	 * @return the rows of each category in id order
	 */
	Map<Long, List<Product>> categoryPages(Collection<Long> categoryIds, PageRequest page) {
		Map<CategoryPage, List<Product>> found = this.cache.getAll(CacheRegion.PRODUCT_PAGES,
				categoryIds.stream().map((id) -> new CategoryPage(id, page.afterId(), page.fetchSize())).toList(),
				(missing) -> loadCategoryPages(missing, page));
		Map<Long, List<Product>> result = new HashMap<>();
		found.forEach((key, rows) -> result.put(key.categoryId(), rows));
		return result;
	}

	private Map<CategoryPage, List<Product>> loadCategoryPages(Set<CategoryPage> missing, PageRequest page) {
		Long[] categoryIds = missing.stream().map(CategoryPage::categoryId).toArray(Long[]::new);
		Map<Long, List<Product>> rows = new HashMap<>();
		for (Product product : this.rows.findPagesByCategory(categoryIds, page.afterId(), page.fetchSize())) {
			rows.computeIfAbsent(product.getCategoryId(), (id) -> new ArrayList<>()).add(product);
		}
		// An empty page is an answer too: cache it, so a category without products costs
		// nothing next time.
		return Arrays.stream(categoryIds)
			.collect(Collectors.toMap((id) -> new CategoryPage(id, page.afterId(), page.fetchSize()),
					(id) -> List.copyOf(rows.getOrDefault(id, List.of()))));
	}

	private static <K> Map<K, Product> index(List<Product> products, Function<Product, K> key) {
		return products.stream().collect(Collectors.toMap(key, Function.identity()));
	}

	/** Cache key of a product by id. */
	private record ProductId(Long id) {
	}

	/** Cache key of a product by SKU. */
	private record ProductSku(String sku) {
	}

	/**
	 * Cache key of a {@code products} page: the filters and the page, as SQL sees them.
	 */
	private record ProductPage(long afterId, int fetchSize, @Nullable Long categoryId, @Nullable String namePattern,
			@Nullable Boolean inStock) {
	}

	/** Cache key of one category's page of {@code Category.products}. */
	private record CategoryPage(Long categoryId, long afterId, int fetchSize) {
	}

}
