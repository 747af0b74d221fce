/**
 * Deterministic seed data for local runs and benchmarks, never loaded in production.
 */
@NullMarked
package dev.supergraph.users.seed;

import org.jspecify.annotations.NullMarked;
