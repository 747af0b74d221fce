package dev.supergraph.schematools.federation;

import java.util.List;
import java.util.stream.Collectors;

import dev.supergraph.schematools.diff.Values;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLDirectiveContainer;
import org.jspecify.annotations.Nullable;

/**
 * Reads federation directives applied to a type or field, under their plain name or their
 * {@code federation__} namespaced name, as comparable text.
 */
final class AppliedDirectives {

	private AppliedDirectives() {
	}

	static List<GraphQLAppliedDirective> all(GraphQLDirectiveContainer container, String name) {
		List<GraphQLAppliedDirective> plain = container.getAppliedDirectives(name);
		return plain.isEmpty() ? container.getAppliedDirectives("federation__" + name) : plain;
	}

	static boolean has(GraphQLDirectiveContainer container, String name) {
		return !all(container, name).isEmpty();
	}

	/**
	 * The value of one argument of each application, normalized ({@code "id sku"} becomes
	 * {@code id sku}).
	 */
	static List<String> argumentValues(GraphQLDirectiveContainer container, String name, String argument) {
		return all(container, name).stream().map((directive) -> argumentValue(directive, argument)).toList();
	}

	static @Nullable String firstArgumentValue(GraphQLDirectiveContainer container, String name, String argument) {
		List<String> values = argumentValues(container, name, argument);
		return values.isEmpty() ? null : values.get(0);
	}

	/**
	 * Every application of the named directives with all arguments, for example
	 * {@code @requiresScopes(...)}.
	 */
	static String signature(GraphQLDirectiveContainer container, List<String> names) {
		return names.stream()
			.flatMap((name) -> all(container, name).stream())
			.map((directive) -> "@" + directive.getName()
					+ directive.getArguments()
						.stream()
						.map((argument) -> argument.getName() + ": " + Values.print(argument.getArgumentValue()))
						.collect(Collectors.joining(", ", "(", ")")))
			.collect(Collectors.joining(" "));
	}

	private static String argumentValue(GraphQLAppliedDirective directive, String argument) {
		var value = directive.getArgument(argument);
		String printed = (value != null) ? Values.print(value.getArgumentValue()) : null;
		if (printed == null) {
			return "";
		}
		String unquoted = (printed.startsWith("\"") && printed.endsWith("\"") && printed.length() > 1)
				? printed.substring(1, printed.length() - 1) : printed;
		return unquoted.replaceAll("[\\s,]+", " ").strip();
	}

}
