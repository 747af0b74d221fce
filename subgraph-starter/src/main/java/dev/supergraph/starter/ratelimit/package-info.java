/**
 * Per-client rate limits of a subgraph, behind the router's own.
 */
@NullMarked
package dev.supergraph.starter.ratelimit;

import org.jspecify.annotations.NullMarked;
