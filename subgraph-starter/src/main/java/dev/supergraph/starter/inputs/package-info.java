/**
 * Input text of every subgraph: strings that PostgreSQL cannot store, or that would
 * rewrite a log line or a terminal, are refused before any resolver runs.
 */
@NullMarked
package dev.supergraph.starter.inputs;

import org.jspecify.annotations.NullMarked;
