/**
 * Migration help: the operations that still select a deprecated field whose reason names
 * its replacement, and their rewrite.
 */
@NullMarked
package dev.supergraph.schematools.migration;

import org.jspecify.annotations.NullMarked;
