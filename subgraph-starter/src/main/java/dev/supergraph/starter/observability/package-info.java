/**
 * Observability support of the subgraph starter.
 */
@NullMarked
package dev.supergraph.starter.observability;

import org.jspecify.annotations.NullMarked;
