/**
 * Federation-aware parsing (lenient directive definitions, API schema of a supergraph)
 * and federation directive diffs.
 */
@NullMarked
package dev.supergraph.schematools.federation;

import org.jspecify.annotations.NullMarked;
