package dev.supergraph.starter.limits;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.language.Argument;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * The estimated cost of an operation, by the rules of the router's estimate
 * ({@code router/cost-estimate.mjs}, IBM's cost spec as Hive Gateway reads it) so that
 * both count the same ({@code contract/operation-costs.json}): each object costs 1 (or
 * its type's or field's {@code @cost} weight), times the sizes of the lists around it; a
 * list's size is its {@link ListSize}, applied to the field itself or to its
 * {@code sizedFields} children. Measured on the normalized operation, so every fragment
 * counts where it is spread.
 */
final class OperationCost {

	private final GraphQLSchema schema;

	private final CostDirectiveNames names;

	private OperationCost(GraphQLSchema schema) {
		this.schema = schema;
		this.names = CostDirectiveNames.of(schema);
	}

	/**
	 * @param operation the normalized operation
	 * @param schema the schema it runs on
	 * @return the operation's cost, at most {@link Integer#MAX_VALUE}
	 */
	static int of(ExecutableNormalizedOperation operation, GraphQLSchema schema) {
		double cost = new OperationCost(schema).cost(operation.getTopLevelFields(), 1, Map.of());
		return (int) Math.min(Integer.MAX_VALUE, cost);
	}

	private double cost(List<ExecutableNormalizedField> fields, double factors, Map<String, Long> sizedFields) {
		double total = 0;
		for (ExecutableNormalizedField field : fields) {
			if (field.getFieldName().startsWith("__")) {
				continue; // __typename and introspection cost nothing
			}
			total += cost(field, factors, sizedFields.get(field.getFieldName()));
		}
		return total;
	}

	private double cost(ExecutableNormalizedField field, double factors, @Nullable Long sizeFromParent) {
		GraphQLFieldDefinition definition = field.getFieldDefinitions(this.schema).get(0);
		ListSize listSize = (sizeFromParent != null) ? null : ListSize.of(this.schema, definition);
		long size = (sizeFromParent != null) ? sizeFromParent
				: (listSize != null) ? listSize.size(field.getResolvedArguments()) : 1;
		Map<String, Long> childSizes = new HashMap<>();
		if (listSize != null && !listSize.sizedFields().isEmpty()) {
			listSize.sizedFields().forEach((name) -> childSizes.put(name, size));
		}
		double here = factors * (childSizes.isEmpty() ? size : 1);
		double own = weight(definition) + typeCost(definition.getType()) + argumentWeights(field, definition);
		return here * own + cost(field.getChildren(), here, childSizes);
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
