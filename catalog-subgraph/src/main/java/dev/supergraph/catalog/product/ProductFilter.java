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
	 * The most characters of a name ({@code createProduct}'s limit and the column's), and
	 * twice that in lower case at most ({@code İ} becomes {@code i̇}).
	 */
	private static final int LONGEST_LOWER_CASE_NAME = 2 * 200;

	/**
	 * Whether the search is longer than any name, so that no product can match: such a
	 * page costs no SQL and takes no place in the page cache, whose keys would otherwise
	 * hold searches as long as a request body.
	 * @return whether the filter matches no product
	 */
	boolean matchesNoName() {
		if (this.search == null) {
			return false;
		}
		String stripped = this.search.strip();
		return stripped.codePointCount(0, stripped.length()) > LONGEST_LOWER_CASE_NAME;
	}

	/**
	 * The search as a LIKE pattern with the caller's wildcards escaped. Its case is
	 * folded by the database, as the name's is: Java folds some letters otherwise (a
	 * final {@code Σ}, and any {@code I} in a Turkish default locale).
	 * @return the pattern, or {@code null} without a search
	 */
	@Nullable String namePattern() {
		if (this.search == null || this.search.isBlank()) {
			return null;
		}
		String escaped = this.search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

}
