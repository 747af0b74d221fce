/**
 * The catalog's recorded stock, asked from the catalog subgraph when the inventory takes
 * over a product it has no stock row for.
 */
@NullMarked
package dev.supergraph.inventory.catalog;

import org.jspecify.annotations.NullMarked;
