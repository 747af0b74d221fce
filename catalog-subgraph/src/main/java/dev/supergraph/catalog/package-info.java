/**
 * The catalog subgraph (port 4003).
 */
@NullMarked
package dev.supergraph.catalog;

import org.jspecify.annotations.NullMarked;
