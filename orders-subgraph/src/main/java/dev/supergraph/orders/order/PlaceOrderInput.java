package dev.supergraph.orders.order;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Input of {@code placeOrder}. The buyer is never part of it: it is the caller.
 *
 * @param idempotencyKey chosen by the client per intended order: 8 to 64 letters, digits,
 * dots, underscores, colons or dashes (a UUID fits)
 * @param items 1 to 50 lines
 */
record PlaceOrderInput(
		@NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{8,64}",
				message = "{orders.validation.idempotencyKey}") String idempotencyKey,
		@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid OrderItemInput> items) {

}
