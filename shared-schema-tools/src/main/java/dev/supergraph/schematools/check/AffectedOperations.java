package dev.supergraph.schematools.check;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.supergraph.schematools.diff.Change;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLSchema;

/**
 * Which known operations the changes of one schema reach. Mostly those that use the
 * changed coordinate; enum values and newly required tokens reach operations in their own
 * ways.
 */
final class AffectedOperations {

	private final List<OperationUsage> usages;

	private final List<GraphQLSchema> after;

	private final NullingFields nulling;

	/**
	 * The operations changes reach.
	 * @param usages what each known operation did with the schemas before the changes
	 * @param after the new schemas, where a newly protected field's nullability is read
	 */
	AffectedOperations(List<OperationUsage> usages, List<GraphQLSchema> after) {
		this.usages = usages;
		this.after = after;
		this.nulling = new NullingFields(after);
	}

	Affected of(Change change) {
		return switch (change.kind()) {
			// a new value reaches the clients that receive the enum; no operation sends
			// it yet
			case ENUM_VALUE_ADDED -> new Affected(List.of(), names(this.usages, receiving(change.usage())));
			case ENUM_VALUE_REMOVED -> enumValueGone(change);
			// an inaccessible enum value leaves the API schema like a removed one
			case INACCESSIBLE_ADDED -> isEnumValue(change) ? enumValueGone(change)
					: new Affected(names(this.usages, (usage) -> usage.uses(change.usage())), List.of());
			case ACCESS_POLICY_CHANGED -> AnonymousBreakage.affected(change, this.usages, this.nulling);
			default -> new Affected(names(this.usages, (usage) -> usage.uses(change.usage())), List.of());
		};
	}

	private Affected enumValueGone(Change change) {
		List<String> senders = names(this.usages, (usage) -> usage.uses(change.usage()));
		Set<String> sending = Set.copyOf(senders);
		return new Affected(senders,
				names(this.usages, receiving(enumOf(change)).and((usage) -> !sending.contains(usage.name()))));
	}

	private boolean isEnumValue(Change change) {
		String coordinate = change.coordinate();
		int dot = coordinate.indexOf('.');
		return dot > 0 && !coordinate.contains("(") && this.after.stream()
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
