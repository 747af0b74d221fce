package dev.supergraph.schematools.diff;

import java.util.List;
import java.util.Set;

import dev.supergraph.schematools.Synthesized;
import graphql.introspection.Introspection.DirectiveLocation;
import graphql.schema.GraphQLDirective;

import static dev.supergraph.schematools.diff.ChangeKind.DIRECTIVE_ADDED;
import static dev.supergraph.schematools.diff.ChangeKind.DIRECTIVE_LOCATION_ADDED;
import static dev.supergraph.schematools.diff.ChangeKind.DIRECTIVE_LOCATION_REMOVED;
import static dev.supergraph.schematools.diff.ChangeKind.DIRECTIVE_REMOVED;

/**
 * Directive definitions. Federation's own directives and definitions synthesized for
 * lenient SDL are not part of a subgraph's contract with clients and are skipped.
 */
final class DirectiveDiff {

	private static final Set<String> FEDERATION = Set.of("key", "shareable", "external", "requires", "provides",
			"override", "inaccessible", "tag", "extends", "link", "interfaceObject", "composeDirective",
			"authenticated", "requiresScopes", "policy", "context", "fromContext", "cost", "listSize");

	private DirectiveDiff() {
	}

	static void compare(List<GraphQLDirective> before, List<GraphQLDirective> after, List<Change> changes) {
		List<GraphQLDirective> old = before.stream().filter(DirectiveDiff::isContract).toList();
		List<GraphQLDirective> current = after.stream().filter(DirectiveDiff::isContract).toList();
		Set<String> synthesizedNow = synthesizedNames(after);
		Members.match(old, current, GraphQLDirective::getName, (directive) -> {
			if (!synthesizedNow.contains(directive.getName())) {
				changes.add(Change.of(DIRECTIVE_REMOVED, "@" + directive.getName()));
			}
		}, (directive) -> changes.add(Change.of(DIRECTIVE_ADDED, "@" + directive.getName())),
				(o, c) -> compareDirective(o, c, changes));
	}

	private static void compareDirective(GraphQLDirective before, GraphQLDirective after, List<Change> changes) {
		String coordinate = "@" + before.getName();
		Members.match(List.copyOf(before.validLocations()), List.copyOf(after.validLocations()),
				DirectiveLocation::name,
				(location) -> changes
					.add(new Change(DIRECTIVE_LOCATION_REMOVED, coordinate, coordinate, location.name(), null)),
				(location) -> changes
					.add(new Change(DIRECTIVE_LOCATION_ADDED, coordinate, coordinate, null, location.name())),
				(o, c) -> {
				});
		Descriptions.compare(coordinate, before.getDescription(), after.getDescription(), changes);
		ArgumentsDiff.compareDirectiveArguments(coordinate, before.getArguments(), after.getArguments(), changes);
	}

	private static boolean isContract(GraphQLDirective directive) {
		String name = directive.getName();
		return !Synthesized.MARKER.equals(directive.getDescription()) && !FEDERATION.contains(name)
				&& !Synthesized.isMachinery(name);
	}

	private static Set<String> synthesizedNames(List<GraphQLDirective> directives) {
		return directives.stream()
			.filter((directive) -> Synthesized.MARKER.equals(directive.getDescription()))
			.map(GraphQLDirective::getName)
			.collect(java.util.stream.Collectors.toSet());
	}

}
