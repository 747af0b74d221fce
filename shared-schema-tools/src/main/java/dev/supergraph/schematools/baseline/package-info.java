/**
 * Where the previous version of a schema comes from: a git revision, a directory or a
 * file.
 */
@NullMarked
package dev.supergraph.schematools.baseline;

import org.jspecify.annotations.NullMarked;
