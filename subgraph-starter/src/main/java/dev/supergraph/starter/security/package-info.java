/**
 * Security support of the subgraph starter.
 */
@NullMarked
package dev.supergraph.starter.security;

import org.jspecify.annotations.NullMarked;
