package dev.supergraph.catalog.product;

import org.jspecify.annotations.Nullable;

/**
 * Input of {@code createProduct}, trimmed; its rules are the schema's
 * {@code @constraint}s.
 *
 * @param sku upper-case letters, digits and dashes
 * @param name the display name
 * @param description an optional description
 * @param price the unit price
 * @param categoryId an existing category
 * @param weightGrams the shipping weight
 * @param stockQuantity units in stock, 0 when omitted
 */
record CreateProductInput(String sku, String name, @Nullable String description, MoneyInput price, String categoryId,
		Integer weightGrams, @Nullable Integer stockQuantity) {

	CreateProductInput {
		sku = (sku != null) ? sku.strip() : null;
		name = (name != null) ? name.strip() : null;
		description = (description != null) ? description.strip() : null;
		categoryId = (categoryId != null) ? categoryId.strip() : null;
	}

}
