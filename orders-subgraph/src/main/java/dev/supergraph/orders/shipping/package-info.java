/**
 * Shipping estimates of catalog products, computed from their weight.
 */
@NullMarked
package dev.supergraph.orders.shipping;

import org.jspecify.annotations.NullMarked;
