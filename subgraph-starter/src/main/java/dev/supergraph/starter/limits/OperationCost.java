package dev.supergraph.starter.limits;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.supergraph.starter.errors.ErrorMessages;
import graphql.language.Argument;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import org.jspecify.annotations.Nullable;

/**
 * The estimated cost of an operation, by the rules of the router's estimate
 * ({@code router/cost-estimate.mjs}, IBM's cost spec as Hive Gateway reads it) so that
 * both count the same ({@code contract/operation-costs.json}): each object costs 1 (or
 * its type's or field's {@code @cost} weight), times the sizes of the lists around it; a
 * list's size is its {@link ListSize}, applied to the field itself or to its
 * {@code sizedFields} children. More than one slicing argument given where a field
 * requires one is refused ({@link SlicingArgumentsException}).
 * <p>
 * Measured on the normalized operation, so every fragment counts where it is spread and
 * the selections of one response key are one field. Under an interface or a union the
 * normalized operation holds a field once per group of the object types it runs for,
 * groups that graphql-java splits and merges by rules of its own; so a response key
 * counts once per item, at the dearest object type that selects it, whatever the
 * grouping.
 */
final class OperationCost {

	private final GraphQLSchema schema;

	private final CostDirectiveNames names;

	private final ErrorMessages messages;

	// The cost of a field's children per their type and the sizes it gives them: a field
	// that runs for several object types is measured once.
	private final Map<ExecutableNormalizedField, Map<List<Object>, Double>> childrenCosts = new IdentityHashMap<>();

	private OperationCost(GraphQLSchema schema, ErrorMessages messages) {
		this.schema = schema;
		this.names = CostDirectiveNames.of(schema);
		this.messages = messages;
	}

	/**
	 * @param operation the normalized operation
	 * @param schema the schema it runs on
	 * @param messages the messages of a refusal
	 * @return the operation's cost, at most {@link Integer#MAX_VALUE}
	 * @throws SlicingArgumentsException when a field is given more slicing arguments than
	 * it allows
	 */
	static int of(ExecutableNormalizedOperation operation, GraphQLSchema schema, ErrorMessages messages) {
		OperationCost measure = new OperationCost(schema, messages);
		GraphQLObjectType root = switch (operation.getOperation()) {
			case QUERY -> schema.getQueryType();
			case MUTATION -> schema.getMutationType();
			case SUBSCRIPTION -> schema.getSubscriptionType();
		};
		double cost = measure.selectionCost(operation.getTopLevelFields(), List.of(root.getName()), Map.of());
		return (int) Math.min(Integer.MAX_VALUE, cost);
	}

	/**
	 * The cost of one value whose object type is one of {@code objectTypes}, with the
	 * fields selected of it (its parent's list size multiplies it): per response key, the
	 * dearest field among the object types that select it.
	 */
	private double selectionCost(List<ExecutableNormalizedField> fields, List<String> objectTypes,
			Map<String, Long> sizedFields) {
		Map<String, Double> dearest = new HashMap<>();
		for (ExecutableNormalizedField field : fields) {
			if (field.getFieldName().startsWith("__")) {
				continue; // __typename and introspection cost nothing
			}
			for (String objectType : field.getObjectTypeNames()) {
				if (objectTypes.contains(objectType)) {
					double cost = cost(field, objectType, sizedFields.get(field.getFieldName()));
					dearest.merge(field.getResultKey(), cost, Math::max);
				}
			}
		}
		double total = 0;
		for (double cost : dearest.values()) {
			total += cost;
		}
		return total;
	}

	private double cost(ExecutableNormalizedField field, String objectType, @Nullable Long sizeFromParent) {
		GraphQLFieldDefinition definition = this.schema.getObjectType(objectType)
			.getFieldDefinition(field.getFieldName());
		ListSize listSize = (sizeFromParent != null) ? null : ListSize.of(this.schema, definition);
		if (listSize != null && listSize.givesTooManySlicingArguments(field.getResolvedArguments())) {
			throw new SlicingArgumentsException(this.messages, Locale.ENGLISH, definition.getName(),
					listSize.slicingArguments());
		}
		long size = (sizeFromParent != null) ? sizeFromParent
				: (listSize != null) ? listSize.size(field.getResolvedArguments()) : 1;
		Map<String, Long> childSizes = new HashMap<>();
		if (listSize != null && !listSize.sizedFields().isEmpty()) {
			listSize.sizedFields().forEach((name) -> childSizes.put(name, size));
		}
		double factor = childSizes.isEmpty() ? size : 1;
		double own = weight(definition) + typeCost(definition.getType()) + argumentWeights(field, definition);
		return factor * (own + childrenCost(field, definition.getType(), childSizes));
	}

	private double childrenCost(ExecutableNormalizedField field, GraphQLType type, Map<String, Long> childSizes) {
		Map<List<Object>, Double> known = this.childrenCosts.computeIfAbsent(field, (ignored) -> new HashMap<>());
		List<Object> key = List.of(GraphQLTypeUtil.unwrapAll(type).getName(), childSizes);
		Double cost = known.get(key);
		if (cost == null) {
			cost = selectionCost(field.getChildren(), objectTypes(type), childSizes);
			known.put(key, cost);
		}
		return cost;
	}

	private List<String> objectTypes(GraphQLType type) {
		GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
		List<? extends GraphQLNamedOutputType> objectTypes;
		if (named instanceof GraphQLInterfaceType anInterface) {
			objectTypes = this.schema.getImplementations(anInterface);
		}
		else if (named instanceof GraphQLUnionType union) {
			objectTypes = union.getTypes();
		}
		else {
			objectTypes = (named instanceof GraphQLObjectType object) ? List.of(object) : List.of();
		}
		return objectTypes.stream().map(GraphQLNamedOutputType::getName).toList();
	}

	private int typeCost(GraphQLType type) {
		GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
		if (named instanceof GraphQLDirectiveContainer container
				&& container.getAppliedDirective(this.names.cost()) != null) {
			return weight(container);
		}
		return (named instanceof GraphQLCompositeType) ? 1 : 0;
	}

	private int argumentWeights(ExecutableNormalizedField field, GraphQLFieldDefinition definition) {
		int total = 0;
		for (Argument argument : field.getAstArguments()) {
			GraphQLArgument declared = definition.getArgument(argument.getName());
			total += (declared != null) ? weight(declared) : 0;
		}
		return total;
	}

	private int weight(GraphQLDirectiveContainer element) {
		int total = 0;
		for (GraphQLAppliedDirective cost : element.getAppliedDirectives(this.names.cost())) {
			if (cost.getArgument("weight").getValue() instanceof Number weight) {
				total += weight.intValue();
			}
		}
		return total;
	}

}
