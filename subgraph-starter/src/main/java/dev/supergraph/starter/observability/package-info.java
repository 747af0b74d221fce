/**
 * Observability support of the subgraph starter: correlation ids that are trace ids,
 * metrics per operation, client and {@code Type.field}, SQL statements per operation,
 * DataLoader batch sizes, and SQL spans (docs/observability.md).
 */
@NullMarked
package dev.supergraph.starter.observability;

import org.jspecify.annotations.NullMarked;
