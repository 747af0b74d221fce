package dev.supergraph.schematools.check;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.supergraph.schematools.deprecation.DeprecationLookup;
import dev.supergraph.schematools.deprecation.RemovalDate;
import dev.supergraph.schematools.operations.Operation;
import dev.supergraph.schematools.operations.UsageCollector;
import graphql.schema.GraphQLSchema;

/** Deprecated elements of the new schemas that known operations still use. */
final class DeprecatedUsages {

	private DeprecatedUsages() {
	}

	static List<DeprecatedUsage> find(List<GraphQLSchema> schemas, List<Operation> operations) {
		Map<String, String> reasons = new TreeMap<>();
		// a set per element: thousands of operations may use one
		Map<String, Set<String>> users = new TreeMap<>();
		for (GraphQLSchema schema : schemas) {
			for (Operation operation : operations) {
				for (String coordinate : UsageCollector.collect(schema, operation)) {
					Optional<String> reason = DeprecationLookup.reason(schema, coordinate);
					if (reason.isPresent()) {
						reasons.put(coordinate, reason.get());
						users.computeIfAbsent(coordinate, (key) -> new LinkedHashSet<>()).add(operation.name());
					}
				}
			}
		}
		return reasons.entrySet()
			.stream()
			.map((entry) -> new DeprecatedUsage(entry.getKey(), entry.getValue(),
					RemovalDate.parse(entry.getValue()).map(Object::toString).orElse(""),
					List.copyOf(users.get(entry.getKey()))))
			.toList();
	}

}
