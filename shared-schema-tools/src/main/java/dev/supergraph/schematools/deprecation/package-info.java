/**
 * The deprecation policy: removal dates in deprecation reasons.
 */
@NullMarked
package dev.supergraph.schematools.deprecation;

import org.jspecify.annotations.NullMarked;
