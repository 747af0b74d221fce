package dev.supergraph.orders.order;

/**
 * Where an order is in its life.
 */
public enum OrderStatus {

	PLACED, PAID, SHIPPED, CANCELLED;

	boolean isCancellable() {
		return this == PLACED || this == PAID;
	}

}
