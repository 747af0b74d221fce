package dev.supergraph.starter.limits;

import java.util.List;
import java.util.Map;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

/**
 * A field's {@code @listSize} (the cost spec's directive, which federation re-exports):
 * how many items a list field has, or, with {@code sizedFields}, how many its named child
 * fields have. The one statement of a connection's default page size: the subgraph serves
 * {@code assumedSize} rows when {@code first} is omitted or null, and both cost estimates
 * (the router's and the subgraphs') assume as many.
 *
 * @param assumedSize the size when no slicing argument is given, or {@code null}
 * @param slicingArguments the arguments that give the size ({@code first})
 * @param sizedFields the child fields the size applies to ({@code edges}); none: the
 * field itself
 * @param requireOneSlicingArgument whether at most one slicing argument may be given (the
 * spec's default); {@code false}: the largest of those given counts
 */
public record ListSize(@Nullable Integer assumedSize, List<String> slicingArguments, List<String> sizedFields,
		boolean requireOneSlicingArgument) {

	/**
	 * The {@code @listSize} of a field, under the name the schema imports it as.
	 * @param schema the schema
	 * @param field the field
	 * @return the field's list size, or {@code null} when it declares none
	 */
	public static @Nullable ListSize of(GraphQLSchema schema, GraphQLFieldDefinition field) {
		GraphQLAppliedDirective directive = field.getAppliedDirective(CostDirectiveNames.of(schema).listSize());
		if (directive == null) {
			return null;
		}
		GraphQLAppliedDirectiveArgument requireOne = directive.getArgument("requireOneSlicingArgument");
		return new ListSize(directive.getArgument("assumedSize").getValue(), strings(directive, "slicingArguments"),
				strings(directive, "sizedFields"), requireOne == null || !Boolean.FALSE.equals(requireOne.getValue()));
	}

	/**
	 * How many items the list has for the arguments of one selection: the largest slicing
	 * argument given (not null), else the assumed size, else 1; never less than 1, so an
	 * empty page (or a refused negative one) costs like one row.
	 * @param arguments the field's arguments, variables and defaults applied
	 * @return the size
	 */
	public long size(Map<String, ?> arguments) {
		Long given = null;
		for (String name : this.slicingArguments) {
			if (arguments.get(name) instanceof Number value) {
				given = Math.max((given != null) ? given : Long.MIN_VALUE, value.longValue());
			}
		}
		long size = (given != null) ? given : (this.assumedSize != null) ? this.assumedSize : 1;
		return Math.max(1, size);
	}

	/**
	 * Whether a selection gives more slicing arguments than the field allows: more than
	 * one (an argument's default counts as given) where it requires one. None given is
	 * allowed whatever {@code requireOneSlicingArgument} says: the subgraph then serves
	 * the assumed size, as a connection without {@code first} does.
	 * @param arguments the field's arguments, variables and defaults applied
	 * @return {@code true} when the selection must be refused
	 */
	public boolean givesTooManySlicingArguments(Map<String, ?> arguments) {
		if (!this.requireOneSlicingArgument) {
			return false;
		}
		int given = 0;
		for (String name : this.slicingArguments) {
			if (arguments.get(name) != null) {
				given++;
			}
		}
		return given > 1;
	}

	private static List<String> strings(GraphQLAppliedDirective directive, String name) {
		GraphQLAppliedDirectiveArgument argument = directive.getArgument(name);
		List<String> values = (argument != null) ? argument.getValue() : null;
		return (values != null) ? List.copyOf(values) : List.of();
	}

}
