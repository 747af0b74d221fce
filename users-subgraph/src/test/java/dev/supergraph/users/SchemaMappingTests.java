package dev.supergraph.users;

import java.util.List;

import dev.supergraph.starter.test.SubgraphTest;
import graphql.schema.FieldCoordinates;
import graphql.schema.idl.RuntimeWiring;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SchemaMappingInspector;
import org.springframework.graphql.execution.SchemaReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of the schema is served: by a controller method or by a property of the
 * object its parent returns (Spring for GraphQL's schema mapping report).
 */
@SubgraphTest
class SchemaMappingTests {

	@Autowired
	GraphQlSource graphQlSource;

	@Autowired
	List<RuntimeWiringConfigurer> configurers;

	@Test
	void everySchemaFieldHasAHandlerOrAProperty() {
		RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
		this.configurers.forEach((configurer) -> configurer.configure(wiring));
		SchemaReport report = SchemaMappingInspector.inspect(this.graphQlSource.schema(), wiring.build());
		// _service and _entities are served by federation-jvm, outside the runtime wiring
		List<FieldCoordinates> unmapped = report.unmappedFields()
			.stream()
			.filter((field) -> !field.getFieldName().startsWith("_"))
			.toList();
		assertThat(unmapped).isEmpty();
		assertThat(report.unmappedRegistrations()).isEmpty();
		assertThat(report.unmappedArguments()).isEmpty();
	}

}
