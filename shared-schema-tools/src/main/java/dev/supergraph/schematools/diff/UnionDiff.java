package dev.supergraph.schematools.diff;

import java.util.List;

import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLUnionType;

import static dev.supergraph.schematools.diff.ChangeKind.UNION_MEMBER_ADDED;
import static dev.supergraph.schematools.diff.ChangeKind.UNION_MEMBER_REMOVED;

/**
 * Member types of unions; an operation is affected when it names the member in a
 * fragment.
 */
final class UnionDiff {

	private UnionDiff() {
	}

	static void compare(GraphQLUnionType before, GraphQLUnionType after, List<Change> changes) {
		String union = before.getName();
		Members.match(before.getTypes(), after.getTypes(), GraphQLNamedOutputType::getName,
				(member) -> changes
					.add(new Change(UNION_MEMBER_REMOVED, union, member.getName(), member.getName(), null)),
				(member) -> changes.add(new Change(UNION_MEMBER_ADDED, union, union, null, member.getName())),
				(old, current) -> {
				});
	}

}
