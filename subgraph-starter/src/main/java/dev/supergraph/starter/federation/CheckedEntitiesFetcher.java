package dev.supergraph.starter.federation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorExtensions;
import dev.supergraph.starter.errors.ErrorMessages;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;

/**
 * The {@code _entities} fetcher of every subgraph: refuses each malformed representation
 * ({@link RepresentationCheck}) with {@code BAD_USER_INPUT} at its own index, and passes
 * only the well-formed ones to Spring for GraphQL's fetcher, whose entity methods would
 * otherwise fail on them with a {@code ClassCastException} ({@code INTERNAL}) or guess.
 */
final class CheckedEntitiesFetcher implements DataFetcher<Object> {

	static final String ARGUMENT = "representations";

	static final String REASON = "INVALID_REPRESENTATION";

	private final DataFetcher<?> delegate;

	private final RepresentationCheck check;

	private final ErrorMessages messages;

	CheckedEntitiesFetcher(DataFetcher<?> delegate, RepresentationCheck check, ErrorMessages messages) {
		this.delegate = delegate;
		this.check = check;
		this.messages = messages;
	}

	@Override
	public Object get(DataFetchingEnvironment env) throws Exception {
		if (!(env.getArgument(ARGUMENT) instanceof List<?> representations)) {
			return this.delegate.get(env);
		}
		List<Object> accepted = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		Map<Integer, GraphQLError> refused = new HashMap<>();
		for (int index = 0; index < representations.size(); index++) {
			RepresentationProblem problem = this.check.check(representations.get(index));
			if (problem == null) {
				accepted.add(representations.get(index));
				positions.add(index);
			}
			else {
				refused.put(index, refusal(env, index, problem));
			}
		}
		if (refused.isEmpty()) {
			return this.delegate.get(env);
		}
		EntityResults results = new EntityResults(env, representations.size(), positions, refused);
		return accepted.isEmpty() ? results.merge(null) : results.mergeAsync(this.delegate.get(only(env, accepted)));
	}

	private static DataFetchingEnvironment only(DataFetchingEnvironment env, List<Object> accepted) {
		Map<String, Object> arguments = new HashMap<>(env.getArguments());
		arguments.put(ARGUMENT, accepted);
		return DataFetchingEnvironmentImpl.newDataFetchingEnvironment(env).arguments(arguments).build();
	}

	private GraphQLError refusal(DataFetchingEnvironment env, int index, RepresentationProblem problem) {
		Locale locale = (env.getLocale() != null) ? env.getLocale() : Locale.ENGLISH;
		List<String> field = new ArrayList<>(List.of(ARGUMENT, String.valueOf(index)));
		field.addAll(problem.field());
		return GraphqlErrorBuilder.newError(env)
			.path(env.getExecutionStepInfo().getPath().segment(index))
			.errorType(ErrorClassification.errorClassification(ErrorCode.BAD_USER_INPUT.name()))
			.message(this.messages.get(ErrorCode.BAD_USER_INPUT, problem.messageKey(), new Object[0], locale))
			.extensions(ErrorExtensions.badInput(REASON, field))
			.build();
	}

}
