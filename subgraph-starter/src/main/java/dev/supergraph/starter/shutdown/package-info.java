/**
 * Graceful shutdown: readiness down first, in-flight requests completed, a bounded exit.
 */
@NullMarked
package dev.supergraph.starter.shutdown;

import org.jspecify.annotations.NullMarked;
