/**
 * Orders: placing, cancelling and reading them, and the orders of a user.
 */
@NullMarked
package dev.supergraph.orders.order;

import org.jspecify.annotations.NullMarked;
