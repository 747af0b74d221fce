package dev.supergraph.catalog.product;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the {@code products} query.
 *
 * @param categoryId only products of this category
 * @param search case-insensitive substring of the name
 * @param inStock only products (not) in stock
 */
record ProductFilter(@Nullable String categoryId, @Nullable String search, @Nullable Boolean inStock) {

	static final ProductFilter NONE = new ProductFilter(null, null, null);

	/**
	 * The search as a LIKE pattern with the caller's wildcards escaped.
	 * @return the pattern, or {@code null} without a search
	 */
	@Nullable String namePattern() {
		if (this.search == null || this.search.isBlank()) {
			return null;
		}
		String escaped = this.search.strip()
			.toLowerCase()
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}

}
