package dev.supergraph.starter.security;

import java.util.List;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.jspecify.annotations.Nullable;

/**
 * The one place where a subgraph enforces the access its schema declares: when the schema
 * is built, the data fetcher of every field guarded by the {@code @authenticated}/
 * {@code @requiresScopes} of the field, of the type it belongs to, of the type it returns
 * or of an interface its type implements (the interface and its field of the same name),
 * or by an {@link OwnershipRule} bean, is wrapped in its {@link FieldGuard}. Where a
 * directive counts is {@code contract/directive-placements.json}, which the router's
 * authorization runs as well. A denial nulls the field with {@code UNAUTHENTICATED} or
 * {@code FORBIDDEN} (the rest of the response survives) and goes to the request's
 * {@link AuditTrail}, written by {@link AuditTrailInstrumentation} when the execution
 * completes. Unguarded fields keep their own fetchers, so property reads stay as cheap as
 * graphql-java makes them. The router enforces the same directives; this second check
 * means a misconfigured router or a direct call cannot open data.
 */
class SchemaAuthorization extends GraphQLTypeVisitorStub {

	private final List<OwnershipRule> ownershipRules;

	SchemaAuthorization(List<OwnershipRule> ownershipRules) {
		this.ownershipRules = List.copyOf(ownershipRules);
	}

	@Override
	public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
			TraverserContext<GraphQLSchemaElement> context) {
		if (context.getParentNode() instanceof GraphQLObjectType parent) {
			FieldGuard guard = guardOf(field, parent);
			if (!guard.isNone()) {
				GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
				FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
				DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
				registry.dataFetcher(coordinates, guard.guard(fetcher));
			}
		}
		return TraversalControl.CONTINUE;
	}

	private FieldGuard guardOf(GraphQLFieldDefinition field, GraphQLObjectType parent) {
		AccessRule directives = AccessRule.of(field)
			.and(AccessRule.of(parent))
			.and(AccessRule.of(directives(GraphQLTypeUtil.unwrapAll(field.getType()))));
		for (GraphQLNamedOutputType contract : parent.getInterfaces()) {
			if (contract instanceof GraphQLInterfaceType type) {
				directives = directives.and(AccessRule.of(type))
					.and(AccessRule.of(type.getFieldDefinition(field.getName())));
			}
		}
		List<OwnershipRule> ownership = this.ownershipRules.stream()
			.filter((rule) -> rule.appliesTo(parent.getName(), field.getName()))
			.toList();
		return new FieldGuard(directives, ownership);
	}

	private static @Nullable GraphQLDirectiveContainer directives(GraphQLType type) {
		return (type instanceof GraphQLDirectiveContainer container) ? container : null;
	}

}
