package dev.supergraph.starter.test;

import java.util.List;
import java.util.stream.Stream;

import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SchemaMappingInspector;
import org.springframework.graphql.execution.SchemaReport;

/**
 * Spring for GraphQL's schema mapping report of a running subgraph: fields without a
 * handler or a property, handlers without a field.
 */
public final class SchemaMappings {

	private SchemaMappings() {
	}

	/**
	 * Inspect the schema against the runtime wiring.
	 * @param source the application's GraphQL source
	 * @param configurers the application's runtime wiring configurers
	 * @return the problems, with federation's own {@code _service}/{@code _entities}
	 * fields (served outside the wiring) left out
	 */
	public static List<String> problems(GraphQlSource source, List<RuntimeWiringConfigurer> configurers) {
		RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
		configurers.forEach((configurer) -> configurer.configure(wiring));
		SchemaReport report = SchemaMappingInspector.inspect(source.schema(), wiring.build());
		List<String> fields = report.unmappedFields()
			.stream()
			.filter((field) -> !field.getFieldName().startsWith("_"))
			.map((field) -> "unmapped field " + field)
			.toList();
		List<String> registrations = report.unmappedRegistrations()
			.keySet()
			.stream()
			.map((registration) -> "handler without field " + registration)
			.toList();
		List<String> arguments = report.unmappedArguments()
			.keySet()
			.stream()
			.map((argument) -> "unmapped argument of " + argument)
			.toList();
		return Stream.of(fields, registrations, arguments).flatMap(List::stream).toList();
	}

}
