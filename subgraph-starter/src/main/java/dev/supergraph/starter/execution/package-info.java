/**
 * How graphql-java runs a subgraph's operations: the instrumentations of every feature
 * combined so that per-field hooks cost only where a part does something per field,
 * fields read from their parent objects by a reader of their own, and scalars so read
 * served in one step by the query strategy.
 */
@NullMarked
package dev.supergraph.starter.execution;

import org.jspecify.annotations.NullMarked;
