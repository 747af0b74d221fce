/**
 * Pagination support shared by every subgraph.
 */
@NullMarked
package dev.supergraph.starter.pagination;

import org.jspecify.annotations.NullMarked;
