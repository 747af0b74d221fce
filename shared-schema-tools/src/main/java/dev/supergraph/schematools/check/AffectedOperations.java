package dev.supergraph.schematools.check;

import java.util.List;
import java.util.function.Predicate;

import dev.supergraph.schematools.diff.Change;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLSchema;

/**
 * Which known operations a change reaches. Mostly those that use the changed coordinate;
 * enum values and newly required tokens reach operations in their own ways.
 */
final class AffectedOperations {

	private AffectedOperations() {
	}

	/**
	 * The operations a change reaches.
	 * @param change the change
	 * @param usages what each known operation did with the schemas before the change
	 * @param after the new schemas, where a newly protected field's nullability is read
	 * @return the operations
	 */
	static Affected of(Change change, List<OperationUsage> usages, List<GraphQLSchema> after) {
		return switch (change.kind()) {
			// a new value reaches the clients that receive the enum; no operation sends
			// it yet
			case ENUM_VALUE_ADDED -> new Affected(List.of(), names(usages, receiving(change.usage())));
			case ENUM_VALUE_REMOVED -> enumValueGone(change, usages);
			// an inaccessible enum value leaves the API schema like a removed one
			case INACCESSIBLE_ADDED -> isEnumValue(change, after) ? enumValueGone(change, usages)
					: new Affected(names(usages, (usage) -> usage.uses(change.usage())), List.of());
			case ACCESS_POLICY_CHANGED -> AnonymousBreakage.affected(change, usages, after);
			default -> new Affected(names(usages, (usage) -> usage.uses(change.usage())), List.of());
		};
	}

	private static Affected enumValueGone(Change change, List<OperationUsage> usages) {
		List<String> senders = names(usages, (usage) -> usage.uses(change.usage()));
		return new Affected(senders,
				names(usages, receiving(enumOf(change)).and((usage) -> !senders.contains(usage.name()))));
	}

	private static boolean isEnumValue(Change change, List<GraphQLSchema> after) {
		String coordinate = change.coordinate();
		int dot = coordinate.indexOf('.');
		return dot > 0 && !coordinate.contains("(") && after.stream()
			.anyMatch((schema) -> schema.getType(coordinate.substring(0, dot)) instanceof GraphQLEnumType);
	}

	static List<String> names(List<OperationUsage> usages, Predicate<OperationUsage> filter) {
		return usages.stream().filter(filter).map(OperationUsage::name).toList();
	}

	private static Predicate<OperationUsage> receiving(String enumType) {
		return (usage) -> usage.receivedEnums().contains(enumType);
	}

	private static String enumOf(Change change) {
		return change.coordinate().substring(0, change.coordinate().indexOf('.'));
	}

}
