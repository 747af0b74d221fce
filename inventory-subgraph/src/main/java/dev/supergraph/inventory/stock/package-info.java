/**
 * Stock of catalog products: the {@code Product} entity as the inventory sees it, its
 * batched reads and its GraphQL controller.
 */
@NullMarked
package dev.supergraph.inventory.stock;

import org.jspecify.annotations.NullMarked;
