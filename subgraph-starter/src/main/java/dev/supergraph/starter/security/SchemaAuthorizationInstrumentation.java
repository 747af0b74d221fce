package dev.supergraph.starter.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.supergraph.starter.errors.SubgraphException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * The one place where a subgraph enforces the access its schema declares: before a field
 * is fetched, the {@code @authenticated}/{@code @requiresScopes} of the field, of the
 * type it belongs to and of the type it returns must be satisfied by the caller. A denial
 * nulls the field with {@code UNAUTHENTICATED} or {@code FORBIDDEN} (the rest of the
 * response survives) and is written to the audit log. The router enforces the same
 * directives; this second check means a misconfigured router or a direct call cannot open
 * data.
 */
class SchemaAuthorizationInstrumentation extends SimplePerformantInstrumentation {

	private final Map<GraphQLFieldDefinition, Map<String, AccessRule>> rules = new ConcurrentHashMap<>();

	private final AuditLog audit;

	SchemaAuthorizationInstrumentation(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		DataFetchingEnvironment environment = parameters.getEnvironment();
		AccessRule rule = ruleOf(environment);
		if (rule.isNone()) {
			return dataFetcher;
		}
		return (env) -> {
			Viewer viewer = env.getGraphQlContext().getOrDefault(Viewer.class, Viewer.ANONYMOUS);
			if (!rule.allows(viewer)) {
				this.audit.denied(env, viewer, rule);
				throw viewer.isAuthenticated() ? SubgraphException.forbidden() : SubgraphException.unauthenticated();
			}
			return dataFetcher.get(env);
		};
	}

	private AccessRule ruleOf(DataFetchingEnvironment environment) {
		GraphQLFieldDefinition field = environment.getFieldDefinition();
		GraphQLType parent = environment.getParentType();
		String parentName = (parent instanceof GraphQLNamedType named) ? named.getName() : "";
		return this.rules.computeIfAbsent(field, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(parentName,
					(key) -> AccessRule.of(field)
						.and(AccessRule.of((parent instanceof GraphQLNamedType named) ? directives(named) : null))
						.and(AccessRule.of(directives(GraphQLTypeUtil.unwrapAll(field.getType())))));
	}

	private static @Nullable GraphQLDirectiveContainer directives(GraphQLType type) {
		return (type instanceof GraphQLDirectiveContainer container) ? container : null;
	}

}
