/**
 * Database support of the subgraph starter.
 */
@NullMarked
package dev.supergraph.starter.database;

import org.jspecify.annotations.NullMarked;
