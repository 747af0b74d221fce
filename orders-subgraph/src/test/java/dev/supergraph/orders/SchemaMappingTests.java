package dev.supergraph.orders;

import java.util.List;

import dev.supergraph.starter.test.SchemaMappings;
import dev.supergraph.starter.test.SubgraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of the orders schema has a handler or a property, and every handler a
 * field.
 */
@SubgraphTest
class SchemaMappingTests {

	@Autowired
	GraphQlSource graphQlSource;

	@Autowired
	List<RuntimeWiringConfigurer> configurers;

	@Test
	void everySchemaFieldHasAHandlerOrAProperty() {
		assertThat(SchemaMappings.problems(this.graphQlSource, this.configurers)).isEmpty();
	}

}
