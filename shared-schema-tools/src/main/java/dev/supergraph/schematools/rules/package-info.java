/**
 * One small rule per change kind classifies a change as breaking, dangerous or safe.
 */
@NullMarked
package dev.supergraph.schematools.rules;

import org.jspecify.annotations.NullMarked;
