/**
 * Finds the changes between two schemas; classification is left to the rules.
 */
@NullMarked
package dev.supergraph.schematools.diff;

import org.jspecify.annotations.NullMarked;
