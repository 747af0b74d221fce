/**
 * What only the local run and the tests need: an embedded PostgreSQL and the development
 * key pair. The subgraphs' runnable jars leave this module out.
 */
@NullMarked
package dev.supergraph.starter.dev;

import org.jspecify.annotations.NullMarked;
