/**
 * Errors support of the subgraph starter.
 */
@NullMarked
package dev.supergraph.starter.errors;

import org.jspecify.annotations.NullMarked;
