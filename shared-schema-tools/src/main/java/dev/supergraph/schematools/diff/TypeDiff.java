package dev.supergraph.schematools.diff;

import java.util.List;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLImplementingType;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLUnionType;

import static dev.supergraph.schematools.diff.ChangeKind.TYPE_KIND_CHANGED;

/**
 * Compares two versions of one named type and delegates to the member diffs of its kind.
 */
final class TypeDiff {

	private TypeDiff() {
	}

	static void compare(GraphQLNamedType before, GraphQLNamedType after, List<Change> changes) {
		String name = before.getName();
		if (!kindOf(before).equals(kindOf(after))) {
			changes.add(Change.changed(TYPE_KIND_CHANGED, name, kindOf(before), kindOf(after)));
			return;
		}
		Descriptions.compare(name, before.getDescription(), after.getDescription(), changes);
		if (before instanceof GraphQLImplementingType old && after instanceof GraphQLImplementingType current) {
			FieldsDiff.compare(old, current, changes);
			InterfacesDiff.compare(old, current, changes);
		}
		else if (before instanceof GraphQLUnionType old && after instanceof GraphQLUnionType current) {
			UnionDiff.compare(old, current, changes);
		}
		else if (before instanceof GraphQLEnumType old && after instanceof GraphQLEnumType current) {
			EnumDiff.compare(old, current, changes);
		}
		else if (before instanceof GraphQLInputObjectType old && after instanceof GraphQLInputObjectType current) {
			InputFieldsDiff.compare(old, current, changes);
		}
	}

	static String kindOf(GraphQLNamedType type) {
		if (type instanceof GraphQLObjectType) {
			return "OBJECT";
		}
		if (type instanceof GraphQLInterfaceType) {
			return "INTERFACE";
		}
		if (type instanceof GraphQLUnionType) {
			return "UNION";
		}
		if (type instanceof GraphQLEnumType) {
			return "ENUM";
		}
		return (type instanceof GraphQLInputObjectType) ? "INPUT_OBJECT" : "SCALAR";
	}

}
