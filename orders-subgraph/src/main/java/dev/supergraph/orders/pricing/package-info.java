/**
 * Current unit prices, asked from the catalog subgraph when an order is placed.
 */
@NullMarked
package dev.supergraph.orders.pricing;

import org.jspecify.annotations.NullMarked;
