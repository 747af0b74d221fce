/**
 * Reads baseline schemas from a git revision.
 */
@NullMarked
package dev.supergraph.schematools.git;

import org.jspecify.annotations.NullMarked;
