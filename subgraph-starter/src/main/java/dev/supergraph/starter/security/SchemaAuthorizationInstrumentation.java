package dev.supergraph.starter.security;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import graphql.ExecutionResult;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * The one place where a subgraph enforces the access its schema declares: before a field
 * is fetched, the {@code @authenticated}/{@code @requiresScopes} of the field, of the
 * type it belongs to and of the type it returns, and the ownership rules declared as
 * {@link OwnershipRule} beans, must be satisfied by the caller. A denial nulls the field
 * with {@code UNAUTHENTICATED} or {@code FORBIDDEN} (the rest of the response survives);
 * the denials of a request are counted per field path and rule and written to the audit
 * log as one line each when the execution completes. The router enforces the same
 * directives; this second check means a misconfigured router or a direct call cannot open
 * data.
 */
class SchemaAuthorizationInstrumentation extends SimplePerformantInstrumentation {

	private final Map<GraphQLFieldDefinition, Map<GraphQLObjectType, FieldGuard>> guards = new ConcurrentHashMap<>();

	private final List<OwnershipRule> ownershipRules;

	private final AuditLog audit;

	SchemaAuthorizationInstrumentation(List<OwnershipRule> ownershipRules, AuditLog audit) {
		this.ownershipRules = List.copyOf(ownershipRules);
		this.audit = audit;
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return AuditTrail.perRequest();
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		// The step info, not the environment: asking for the environment would build one
		// for
		// every trivial property fetch that graphql-java otherwise skips.
		ExecutionStepInfo step = parameters.getExecutionStepInfo();
		FieldGuard guard = guardOf(step.getFieldDefinition(), step.getObjectType());
		if (guard.isNone()) {
			return dataFetcher;
		}
		AuditTrail trail = (state instanceof AuditTrail perRequest) ? perRequest : AuditTrail.unbuffered(this.audit);
		return guard.guard(dataFetcher, trail);
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult executionResult,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (state instanceof AuditTrail trail) {
			trail.flush(this.audit);
		}
		return CompletableFuture.completedFuture(executionResult);
	}

	private FieldGuard guardOf(GraphQLFieldDefinition field, GraphQLObjectType parent) {
		Map<GraphQLObjectType, FieldGuard> byParent = this.guards.get(field);
		FieldGuard guard = (byParent != null) ? byParent.get(parent) : null;
		if (guard != null) {
			return guard;
		}
		return this.guards.computeIfAbsent(field, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(parent, (key) -> createGuard(field, parent, parent.getName()));
	}

	private FieldGuard createGuard(GraphQLFieldDefinition field, GraphQLType parent, String parentName) {
		AccessRule directives = AccessRule.of(field)
			.and(AccessRule.of(directives(parent)))
			.and(AccessRule.of(directives(GraphQLTypeUtil.unwrapAll(field.getType()))));
		List<OwnershipRule> ownership = this.ownershipRules.stream()
			.filter((rule) -> rule.appliesTo(parentName, field.getName()))
			.toList();
		return new FieldGuard(directives, ownership);
	}

	private static @Nullable GraphQLDirectiveContainer directives(GraphQLType type) {
		return (type instanceof GraphQLDirectiveContainer container) ? container : null;
	}

}
