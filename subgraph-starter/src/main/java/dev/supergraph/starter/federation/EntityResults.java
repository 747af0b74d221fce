package dev.supergraph.starter.federation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Puts the entities resolved for the accepted representations back at their original
 * indices, between the refused ones, and moves the fetcher's errors to those indices too.
 */
final class EntityResults {

	private final DataFetchingEnvironment env;

	private final int size;

	private final List<Integer> positions;

	private final Map<Integer, GraphQLError> refused;

	EntityResults(DataFetchingEnvironment env, int size, List<Integer> positions, Map<Integer, GraphQLError> refused) {
		this.env = env;
		this.size = size;
		this.positions = positions;
		this.refused = refused;
	}

	/** Spring for GraphQL's fetcher answers with a {@code Mono}; others may not. */
	Object mergeAsync(@Nullable Object result) {
		if (result instanceof Mono<?> mono) {
			return mono.map(this::merge);
		}
		if (result instanceof CompletionStage<?> stage) {
			return stage.thenApply(this::merge);
		}
		return merge(result);
	}

	DataFetcherResult<List<Object>> merge(@Nullable Object result) {
		Object[] entities = new Object[this.size];
		List<GraphQLError> errors = new ArrayList<>();
		this.refused.keySet().stream().sorted().forEach((index) -> errors.add(this.refused.get(index)));
		List<?> resolved = data(result);
		for (int i = 0; i < resolved.size() && i < this.positions.size(); i++) {
			entities[this.positions.get(i)] = resolved.get(i);
		}
		if (result instanceof DataFetcherResult<?> fetched) {
			fetched.getErrors().forEach((error) -> errors.add(moved(error)));
		}
		return DataFetcherResult.<List<Object>>newResult().data(Arrays.asList(entities)).errors(errors).build();
	}

	private static List<?> data(@Nullable Object result) {
		Object data = (result instanceof DataFetcherResult<?> fetched) ? fetched.getData() : result;
		return (data instanceof List<?> list) ? list : List.of();
	}

	/**
	 * An error at {@code _entities/i} of the accepted ones belongs to their original
	 * index.
	 */
	private GraphQLError moved(GraphQLError error) {
		List<Object> path = (error.getPath() != null) ? new ArrayList<>(error.getPath()) : new ArrayList<>();
		int at = this.env.getExecutionStepInfo().getPath().getLevel();
		if (path.size() <= at || !(path.get(at) instanceof Integer index) || index >= this.positions.size()) {
			return error;
		}
		path.set(at, this.positions.get(index));
		return GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.locations(error.getLocations())
			.errorType(error.getErrorType())
			.path(path)
			.extensions(error.getExtensions())
			.build();
	}

}
