/**
 * Scalars support shared by every subgraph.
 */
@NullMarked
package dev.supergraph.starter.scalars;

import org.jspecify.annotations.NullMarked;
