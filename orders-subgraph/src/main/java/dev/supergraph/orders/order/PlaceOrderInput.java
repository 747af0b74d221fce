package dev.supergraph.orders.order;

import java.util.List;

/**
 * Input of {@code placeOrder}, trimmed; its rules are the schema's {@code @constraint}s.
 * The buyer is never part of it: it is the caller.
 *
 * @param idempotencyKey chosen by the client per intended order
 * @param items the lines
 */
record PlaceOrderInput(String idempotencyKey, List<OrderItemInput> items) {

	PlaceOrderInput {
		idempotencyKey = (idempotencyKey != null) ? idempotencyKey.strip() : null;
	}

}
