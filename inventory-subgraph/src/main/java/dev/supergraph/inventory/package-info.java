/**
 * The inventory subgraph (port 4004): stock of catalog products.
 */
@NullMarked
package dev.supergraph.inventory;

import org.jspecify.annotations.NullMarked;
