/**
 * Deterministic seed data for local runs and benchmarks, never loaded in production.
 */
@NullMarked
package dev.supergraph.orders.seed;

import org.jspecify.annotations.NullMarked;
