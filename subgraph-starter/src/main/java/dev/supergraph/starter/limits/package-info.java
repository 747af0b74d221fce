/**
 * Limits support of the subgraph starter.
 */
@NullMarked
package dev.supergraph.starter.limits;

import org.jspecify.annotations.NullMarked;
