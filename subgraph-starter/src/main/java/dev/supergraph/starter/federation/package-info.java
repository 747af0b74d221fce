/**
 * Federation 2 wiring: every subgraph's schema is built by Spring for GraphQL's
 * {@code FederationSchemaFactory}, so a subgraph only writes SDL and controllers.
 */
@NullMarked
package dev.supergraph.starter.federation;

import org.jspecify.annotations.NullMarked;
