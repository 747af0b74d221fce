package dev.supergraph.schematools.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.supergraph.schematools.operations.Operation;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.TypeName;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * Finds, in known operations, every selection of a deprecated field whose reason names a
 * {@link Replacement}, and decides whether the replacement can take its place unchanged
 * for the client: same arguments, and a type whose values the old selection can receive.
 */
public final class DeprecatedSelections {

	private DeprecatedSelections() {
	}

	public static List<DeprecatedSelection> find(GraphQLSchema schema, List<Operation> operations) {
		List<DeprecatedSelection> found = new ArrayList<>();
		for (Operation operation : operations) {
			// one entry per place in the file, however often a fragment is spread
			Map<String, DeprecatedSelection> inFile = new LinkedHashMap<>();
			Map<String, FragmentDefinition> fragments = new HashMap<>();
			operation.document()
				.getDefinitionsOfType(FragmentDefinition.class)
				.forEach((fragment) -> fragments.put(fragment.getName(), fragment));
			for (OperationDefinition definition : operation.document()
				.getDefinitionsOfType(OperationDefinition.class)) {
				GraphQLObjectType root = switch (definition.getOperation()) {
					case QUERY -> schema.getQueryType();
					case MUTATION -> schema.getMutationType();
					case SUBSCRIPTION -> schema.getSubscriptionType();
				};
				if (root != null) {
					new Walk(schema, operation, fragments, inFile, new HashSet<>())
						.selections(definition.getSelectionSet(), root);
				}
			}
			found.addAll(inFile.values());
		}
		return found;
	}

	/**
	 * A walk of one operation's selections with the schema type each is made on. A
	 * fragment is walked once per type it is spread on, which also ends cycles: walking
	 * it at every spread would repeat nested fragments exponentially.
	 */
	private record Walk(GraphQLSchema schema, Operation operation, Map<String, FragmentDefinition> fragments,
			Map<String, DeprecatedSelection> found, Set<String> walked) {

		void selections(@Nullable SelectionSet selectionSet, GraphQLCompositeType parent) {
			if (selectionSet == null) {
				return;
			}
			for (Selection<?> selection : selectionSet.getSelections()) {
				if (selection instanceof Field field && parent instanceof GraphQLFieldsContainer container) {
					GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
					if (definition == null) {
						// __typename, or a selection that does not validate: check
						// reports those
						continue;
					}
					selection(container, definition, field)
						.ifPresent((found) -> this.found.putIfAbsent(found.line() + ":" + found.column(), found));
					if (GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLCompositeType type) {
						selections(field.getSelectionSet(), type);
					}
				}
				else if (selection instanceof InlineFragment inline) {
					selections(inline.getSelectionSet(), condition(inline.getTypeCondition(), parent));
				}
				else if (selection instanceof FragmentSpread spread) {
					spread(spread.getName(), parent);
				}
			}
		}

		private void spread(String name, GraphQLCompositeType parent) {
			FragmentDefinition fragment = this.fragments.get(name);
			if (fragment == null) {
				return;
			}
			GraphQLCompositeType type = condition(fragment.getTypeCondition(), parent);
			if (this.walked.add(name + " on " + type.getName())) {
				selections(fragment.getSelectionSet(), type);
			}
		}

		private GraphQLCompositeType condition(@Nullable TypeName condition, GraphQLCompositeType parent) {
			if (condition != null && this.schema.getType(condition.getName()) instanceof GraphQLCompositeType type) {
				return type;
			}
			return parent;
		}

		private Optional<DeprecatedSelection> selection(GraphQLFieldsContainer parent,
				GraphQLFieldDefinition definition, Field field) {
			if (!definition.isDeprecated()) {
				return Optional.empty();
			}
			Optional<Replacement> replacement = Replacement.in(definition.getDeprecationReason());
			if (replacement.isEmpty()) {
				return Optional.empty();
			}
			SourceLocation location = Objects.requireNonNull(field.getSourceLocation());
			return Optional
				.of(new DeprecatedSelection(this.operation.file().toString(), this.operation.name(), location.getLine(),
						location.getColumn(), parent.getName() + "." + definition.getName(), field.getAlias(),
						replacement.get().field(), refusal(parent, definition, field, replacement.get())));
		}

	}

	private static @Nullable String refusal(GraphQLFieldsContainer parent, GraphQLFieldDefinition old, Field field,
			Replacement replacement) {
		if (replacement.type() != null && !replacement.type().equals(parent.getName())) {
			return "the replacement " + replacement.type() + "." + replacement.field() + " is on another type than "
					+ parent.getName();
		}
		GraphQLFieldDefinition next = parent.getFieldDefinition(replacement.field());
		if (next == null) {
			return "the replacement " + parent.getName() + "." + replacement.field() + " does not exist";
		}
		for (Argument argument : field.getArguments()) {
			GraphQLArgument before = old.getArgument(argument.getName());
			GraphQLArgument after = next.getArgument(argument.getName());
			if (after == null || before == null || !GraphQLTypeUtil.simplePrint(before.getType())
				.equals(GraphQLTypeUtil.simplePrint(after.getType()))) {
				return "arguments differ: " + replacement.field() + " does not take " + argument.getName() + " as "
						+ old.getName() + " does";
			}
		}
		for (GraphQLArgument argument : next.getArguments()) {
			boolean given = field.getArguments().stream().anyMatch((used) -> used.getName().equals(argument.getName()));
			if (!given && GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()) {
				return "arguments differ: " + replacement.field() + " requires " + argument.getName();
			}
		}
		if (!receivable(old.getType(), next.getType())) {
			return "types differ: " + replacement.field() + " is " + GraphQLTypeUtil.simplePrint(next.getType()) + ", "
					+ old.getName() + " is " + GraphQLTypeUtil.simplePrint(old.getType());
		}
		return null;
	}

	/**
	 * Whether a client that selects a field of type {@code before} receives every value
	 * of {@code after}: the same named type and list shape, nullable only where it was.
	 */
	static boolean receivable(GraphQLOutputType before, GraphQLOutputType after) {
		return receivable((GraphQLType) before, after);
	}

	private static boolean receivable(GraphQLType before, GraphQLType after) {
		if (after instanceof GraphQLNonNull nonNullAfter) {
			GraphQLType unwrapped = (before instanceof GraphQLNonNull nonNullBefore) ? nonNullBefore.getWrappedType()
					: before;
			return receivable(unwrapped, nonNullAfter.getWrappedType());
		}
		if (before instanceof GraphQLNonNull) {
			return false;
		}
		if (before instanceof GraphQLList listBefore && after instanceof GraphQLList listAfter) {
			return receivable(listBefore.getWrappedType(), listAfter.getWrappedType());
		}
		if (before instanceof GraphQLNamedType namedBefore && after instanceof GraphQLNamedType namedAfter) {
			return namedBefore.getName().equals(namedAfter.getName());
		}
		return false;
	}

}
