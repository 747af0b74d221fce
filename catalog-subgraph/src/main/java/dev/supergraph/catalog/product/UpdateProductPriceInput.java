package dev.supergraph.catalog.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Input of {@code updateProductPrice}.
 *
 * @param productId the product
 * @param price the new unit price
 */
record UpdateProductPriceInput(@NotNull @Pattern(regexp = "[0-9]{1,18}", message = "{validation.id}") String productId,
		@NotNull @Valid MoneyInput price) {

}
