/**
 * How the caches on the request path are built.
 */
@NullMarked
package dev.supergraph.starter.caching;

import org.jspecify.annotations.NullMarked;
