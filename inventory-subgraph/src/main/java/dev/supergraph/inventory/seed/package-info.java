/**
 * Seed data of the local run and the benchmarks.
 */
@NullMarked
package dev.supergraph.inventory.seed;

import org.jspecify.annotations.NullMarked;
