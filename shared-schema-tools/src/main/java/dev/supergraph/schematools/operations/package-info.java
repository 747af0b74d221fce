/**
 * Trusted client operations: loading, schema coordinates they use, validation against a
 * schema.
 */
@NullMarked
package dev.supergraph.schematools.operations;

import org.jspecify.annotations.NullMarked;
