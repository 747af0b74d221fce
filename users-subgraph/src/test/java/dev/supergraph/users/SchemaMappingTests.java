package dev.supergraph.users;

import dev.supergraph.starter.test.SchemaMappingRules;
import dev.supergraph.starter.test.SubgraphTest;

/**
 * Every field of the users schema has a handler or a property, and every handler a field
 * (Spring for GraphQL's schema mapping report).
 */
@SubgraphTest
class SchemaMappingTests extends SchemaMappingRules {

}
