/**
 * Schema conventions of the platform, one rule per convention.
 */
@NullMarked
package dev.supergraph.schematools.lint;

import org.jspecify.annotations.NullMarked;
