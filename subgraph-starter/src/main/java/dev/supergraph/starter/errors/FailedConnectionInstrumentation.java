package dev.supergraph.starter.errors;

import java.util.concurrent.CompletionStage;

import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * A connection field whose resolver fails answers {@code null} with its error, never an
 * empty page. Spring for GraphQL turns the missing result of a failed non-null connection
 * into an empty connection, and a router drops the errors of fields that have data: a
 * malformed cursor or page size would silently read as "no results" to a client. With
 * {@code null}, the error propagates as GraphQL intends and the router reports it.
 */
class FailedConnectionInstrumentation extends SimplePerformantInstrumentation {

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		// Connections are resolved by controllers, never by property reads; asking a
		// trivial fetcher for its field would build the environment graphql-java skips.
		if (parameters.isTrivialDataFetcher() || !isConnection(parameters)) {
			return dataFetcher;
		}
		return (environment) -> {
			ResultPath path = environment.getExecutionStepInfo().getPath();
			Object result = dataFetcher.get(environment);
			if (result instanceof CompletionStage<?> stage) {
				return stage.thenApply((value) -> withoutPageOnError(value, path));
			}
			return withoutPageOnError(result, path);
		};
	}

	private static boolean isConnection(InstrumentationFieldFetchParameters parameters) {
		return GraphQLTypeUtil.unwrapNonNull(parameters.getField().getType()) instanceof GraphQLNamedType type
				&& type.getName().endsWith("Connection");
	}

	private static @Nullable Object withoutPageOnError(@Nullable Object result, ResultPath path) {
		if (!(result instanceof DataFetcherResult<?> fetched)
				|| fetched.getErrors().stream().noneMatch((error) -> at(error, path))) {
			return result;
		}
		return DataFetcherResult.newResult()
			.errors(fetched.getErrors())
			.localContext(fetched.getLocalContext())
			.build();
	}

	private static boolean at(GraphQLError error, ResultPath path) {
		return path.toList().equals(error.getPath());
	}

}
