package dev.supergraph.orders.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One line of {@code placeOrder}.
 *
 * @param productId a catalog product
 * @param quantity 1 to 100 units
 */
record OrderItemInput(@NotNull @Pattern(regexp = "[0-9]{1,18}", message = "{validation.id}") String productId,
		@NotNull @Min(1) @Max(100) Integer quantity) {

	long productNumber() {
		return Long.parseLong(this.productId);
	}

}
