/**
 * Test support shared by every subgraph: a real PostgreSQL per test run, JWTs signed with
 * the development key, SQL statement counting and a plain HTTP GraphQL client.
 */
@NullMarked
package dev.supergraph.starter.test;

import org.jspecify.annotations.NullMarked;
