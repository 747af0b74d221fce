package dev.supergraph.schematools.federation;

import java.util.List;
import java.util.stream.Collectors;

import dev.supergraph.schematools.diff.Values;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

/**
 * Reads the federation directives applied to the elements of one schema, under whatever
 * name the schema's {@code @link}s give them ({@link FederationNames}), as comparable
 * text.
 */
public final class AppliedDirectives {

	/** The directives that restrict who may read an element. */
	public static final List<String> ACCESS_POLICY = List.of("authenticated", "requiresScopes", "policy");

	private final FederationNames names;

	private AppliedDirectives(FederationNames names) {
		this.names = names;
	}

	public static AppliedDirectives of(GraphQLSchema schema) {
		return new AppliedDirectives(FederationNames.of(schema));
	}

	/**
	 * Every application of a federation directive.
	 * @param container a type, field, argument, enum value or input field
	 * @param name the directive's federation name, such as {@code key}
	 * @return the applications, empty when there is none
	 */
	public List<GraphQLAppliedDirective> all(GraphQLDirectiveContainer container, String name) {
		return all(container.getAppliedDirectives(), name);
	}

	/**
	 * Every application of a federation directive among those applied to one element,
	 * such as the schema definition, which is no directive container.
	 */
	List<GraphQLAppliedDirective> all(List<GraphQLAppliedDirective> applied, String name) {
		return applied.stream()
			.filter((directive) -> this.names.federationName(directive.getName()).filter(name::equals).isPresent())
			.toList();
	}

	public boolean has(GraphQLDirectiveContainer container, String name) {
		return !all(container, name).isEmpty();
	}

	boolean has(List<GraphQLAppliedDirective> applied, String name) {
		return !all(applied, name).isEmpty();
	}

	/**
	 * Whether only a caller with a token may read the element: {@code @authenticated} or
	 * {@code @requiresScopes}. A {@code @policy} is decided by code the schema does not
	 * show, so it does not count.
	 */
	public boolean requiresToken(GraphQLDirectiveContainer container) {
		return has(container, "authenticated") || has(container, "requiresScopes");
	}

	/**
	 * The value of one argument of each application, normalized ({@code "id sku"} becomes
	 * {@code id sku}).
	 */
	List<String> argumentValues(GraphQLDirectiveContainer container, String name, String argument) {
		return argumentValues(container.getAppliedDirectives(), name, argument);
	}

	List<String> argumentValues(List<GraphQLAppliedDirective> applied, String name, String argument) {
		return all(applied, name).stream().map((directive) -> argumentValue(directive, argument)).toList();
	}

	/**
	 * Every {@code @key} of a type by its fields, with {@code (resolvable: false)} after
	 * a key that only references the entity: other subgraphs cannot enter this one by it.
	 */
	List<String> keys(GraphQLDirectiveContainer container) {
		return all(container, "key").stream()
			.map((key) -> argumentValue(key, "fields")
					+ ("false".equals(argumentValue(key, "resolvable")) ? NOT_RESOLVABLE : ""))
			.toList();
	}

	static final String NOT_RESOLVABLE = " (resolvable: false)";

	@Nullable String firstArgumentValue(GraphQLDirectiveContainer container, String name, String argument) {
		List<String> values = argumentValues(container, name, argument);
		return values.isEmpty() ? null : values.get(0);
	}

	/**
	 * Every application of the named directives with all arguments, under their
	 * federation names so that renaming an import is no change, for example
	 * {@code @requiresScopes(...)}.
	 */
	public String signature(GraphQLDirectiveContainer container, List<String> names) {
		return signature(container.getAppliedDirectives(), names);
	}

	String signature(List<GraphQLAppliedDirective> applied, List<String> names) {
		return names.stream()
			.flatMap((name) -> all(applied, name).stream().map((directive) -> "@" + name + arguments(directive)))
			.collect(Collectors.joining(" "));
	}

	private static String arguments(GraphQLAppliedDirective directive) {
		return directive.getArguments()
			.stream()
			.map((argument) -> argument.getName() + ": " + Values.print(argument.getArgumentValue()))
			.collect(Collectors.joining(", ", "(", ")"));
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
