package dev.supergraph.schematools.operations;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * Lists the schema coordinates an operation uses: types (those it selects fields of, and
 * the type of every field it selects), fields, arguments, input fields and enum values.
 * Lenient: selections the schema does not know are skipped, so the usage of an operation
 * can be collected against a subgraph that serves only part of it.
 */
public final class UsageCollector {

	private final GraphQLSchema schema;

	private final Set<String> usage = new LinkedHashSet<>();

	private final Set<String> received = new LinkedHashSet<>();

	private final Set<String> visitedFragments = new HashSet<>();

	/**
	 * By name, found once: a spread would otherwise scan every fragment of the document.
	 */
	private final Map<String, List<FragmentDefinition>> fragments;

	private UsageCollector(GraphQLSchema schema, Operation operation) {
		this.schema = schema;
		this.fragments = operation.document()
			.getDefinitionsOfType(FragmentDefinition.class)
			.stream()
			.collect(Collectors.groupingBy(FragmentDefinition::getName));
	}

	public static Set<String> collect(GraphQLSchema schema, Operation operation) {
		return traverse(schema, operation).usage;
	}

	/**
	 * The enum types whose values an operation receives: the types of the enum fields it
	 * selects. It uses none of their values, but sees every value the schema adds or
	 * drops.
	 * @param schema the schema
	 * @param operation the operation
	 * @return the enum type names
	 */
	public static Set<String> receivedEnums(GraphQLSchema schema, Operation operation) {
		return traverse(schema, operation).received;
	}

	private static UsageCollector traverse(GraphQLSchema schema, Operation operation) {
		UsageCollector collector = new UsageCollector(schema, operation);
		for (OperationDefinition definition : operation.document().getDefinitionsOfType(OperationDefinition.class)) {
			collector.operation(definition);
		}
		return collector;
	}

	private void operation(OperationDefinition definition) {
		GraphQLNamedType root = switch (definition.getOperation()) {
			case MUTATION -> this.schema.getMutationType();
			case SUBSCRIPTION -> this.schema.getSubscriptionType();
			default -> this.schema.getQueryType();
		};
		InputUsage inputs = new InputUsage(this.schema, this.usage);
		definition.getVariableDefinitions().forEach(inputs::variable);
		selections(definition.getSelectionSet(), root);
	}

	private void selections(@Nullable SelectionSet selectionSet, @Nullable GraphQLNamedType parent) {
		if (selectionSet == null || parent == null) {
			return;
		}
		this.usage.add(parent.getName());
		for (Selection<?> selection : selectionSet.getSelections()) {
			if (selection instanceof Field field) {
				field(field, parent);
			}
			else if (selection instanceof InlineFragment fragment) {
				selections(fragment.getSelectionSet(), (fragment.getTypeCondition() != null)
						? namedType(fragment.getTypeCondition().getName()) : parent);
			}
			else if (selection instanceof FragmentSpread spread && this.visitedFragments.add(spread.getName())) {
				fragment(spread.getName());
			}
		}
	}

	private void fragment(String name) {
		this.fragments.getOrDefault(name, List.of())
			.forEach((definition) -> selections(definition.getSelectionSet(),
					namedType(definition.getTypeCondition().getName())));
	}

	private @Nullable GraphQLNamedType namedType(String name) {
		return (this.schema.getType(name) instanceof GraphQLNamedType type) ? type : null;
	}

	private void field(Field field, GraphQLNamedType parent) {
		if (!(parent instanceof GraphQLFieldsContainer container)) {
			return;
		}
		GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
		if (definition == null) {
			return;
		}
		String coordinate = parent.getName() + "." + field.getName();
		this.usage.add(coordinate);
		InputUsage inputs = new InputUsage(this.schema, this.usage);
		for (Argument argument : field.getArguments()) {
			GraphQLArgument declared = definition.getArgument(argument.getName());
			if (declared != null) {
				this.usage.add(coordinate + "(" + argument.getName() + ":)");
				inputs.literal(argument.getValue(), declared.getType());
			}
		}
		GraphQLNamedType type = GraphQLTypeUtil.unwrapAll(definition.getType());
		// the operation receives values of the type, an enum or scalar too
		this.usage.add(type.getName());
		if (type instanceof GraphQLEnumType) {
			this.received.add(type.getName());
		}
		selections(field.getSelectionSet(), type);
	}

}
