package dev.supergraph.catalog.cache;

/**
 * The catalog cache's regions, one bounded Caffeine cache and one {@code cache} metric
 * tag each, so an operator sees the hit rate of entities and of pages apart.
 */
public enum CacheRegion {

	/**
	 * Products by id and by SKU: {@code product}, {@code productBySku},
	 * {@code _entities}.
	 */
	PRODUCTS("catalog.products"),

	/**
	 * Product pages: {@code products(first, after, filter)} and
	 * {@code Category.products}.
	 */
	PRODUCT_PAGES("catalog.product-pages"),

	/** Categories by id and the list of all categories. */
	CATEGORIES("catalog.categories");

	private final String cacheName;

	CacheRegion(String cacheName) {
		this.cacheName = cacheName;
	}

	/**
	 * The name in the {@code cache} tag of the cache metrics.
	 * @return the cache name
	 */
	public String cacheName() {
		return this.cacheName;
	}

}
