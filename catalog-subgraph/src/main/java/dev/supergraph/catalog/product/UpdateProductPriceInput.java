package dev.supergraph.catalog.product;

/**
 * Input of {@code updateProductPrice}, trimmed; its rules are the schema's
 * {@code @constraint}s.
 *
 * @param productId the product
 * @param price the new unit price
 */
record UpdateProductPriceInput(String productId, MoneyInput price) {

	UpdateProductPriceInput {
		productId = (productId != null) ? productId.strip() : null;
	}

}
