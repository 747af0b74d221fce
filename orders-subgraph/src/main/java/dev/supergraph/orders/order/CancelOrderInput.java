package dev.supergraph.orders.order;

/**
 * Input of {@code cancelOrder}, trimmed; its rules are the schema's {@code @constraint}s.
 *
 * @param orderId one of the caller's orders
 */
record CancelOrderInput(String orderId) {

	CancelOrderInput {
		orderId = (orderId != null) ? orderId.strip() : null;
	}

}
