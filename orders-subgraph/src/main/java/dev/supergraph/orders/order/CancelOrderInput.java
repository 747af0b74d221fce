package dev.supergraph.orders.order;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Input of {@code cancelOrder}.
 *
 * @param orderId one of the caller's orders
 */
record CancelOrderInput(@NotNull @Pattern(regexp = "[0-9]{1,18}", message = "{validation.id}") String orderId) {

}
