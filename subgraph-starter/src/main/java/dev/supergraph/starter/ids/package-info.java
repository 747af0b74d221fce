/**
 * Numeric ids as clients send them.
 */
@NullMarked
package dev.supergraph.starter.ids;

import org.jspecify.annotations.NullMarked;
