package dev.supergraph.orders.order;

import java.util.List;

import dev.supergraph.starter.errors.UserError;
import org.jspecify.annotations.Nullable;

/**
 * The payload of {@code placeOrder} and {@code cancelOrder}: the order, or the user
 * errors.
 *
 * @param order the placed or cancelled order, {@code null} on user errors
 * @param userErrors the problems with the input
 */
record OrderPayload(@Nullable Order order, List<UserError> userErrors) {

	static OrderPayload of(Order order) {
		return new OrderPayload(order, List.of());
	}

	static OrderPayload failed(List<UserError> errors) {
		return new OrderPayload(null, errors);
	}

	static OrderPayload failed(UserError error) {
		return failed(List.of(error));
	}

}
