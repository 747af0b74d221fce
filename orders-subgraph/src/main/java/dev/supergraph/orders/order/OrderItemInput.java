package dev.supergraph.orders.order;

/**
 * One line of {@code placeOrder}; its rules are the schema's {@code @constraint}s.
 *
 * @param productId a catalog product
 * @param quantity the units ordered
 */
record OrderItemInput(String productId, Integer quantity) {

	OrderItemInput {
		productId = (productId != null) ? productId.strip() : null;
	}

	long productNumber() {
		return Long.parseLong(this.productId);
	}

}
