/**
 * Whether a caller is a registered user, asked from the users subgraph when an order is
 * placed.
 */
@NullMarked
package dev.supergraph.orders.registration;

import org.jspecify.annotations.NullMarked;
