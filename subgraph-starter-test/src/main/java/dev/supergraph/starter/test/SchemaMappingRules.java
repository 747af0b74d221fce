package dev.supergraph.starter.test;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link SchemaMappings} check as a test: a subgraph's {@code SchemaMappingTests}
 * extends this on its running application ({@link SubgraphTest}), so every subgraph
 * checks that each field of its schema has a handler or a property and each handler a
 * field.
 */
public abstract class SchemaMappingRules {

	@Autowired
	private GraphQlSource graphQlSource;

	@Autowired
	private List<RuntimeWiringConfigurer> configurers;

	@Test
	public void everySchemaFieldHasAHandlerOrAProperty() {
		assertThat(SchemaMappings.problems(this.graphQlSource, this.configurers)).isEmpty();
	}

}
