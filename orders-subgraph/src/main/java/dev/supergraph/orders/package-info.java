/**
 * The orders subgraph (port 4002).
 */
@NullMarked
package dev.supergraph.orders;

import org.jspecify.annotations.NullMarked;
