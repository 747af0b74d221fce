/**
 * Money as exact decimals, shared by every subgraph as the {@code @shareable Money} type,
 * and the currencies in current use.
 */
@NullMarked
package dev.supergraph.starter.money;

import org.jspecify.annotations.NullMarked;
