package dev.supergraph.starter.security;

import java.util.List;
import java.util.concurrent.CompletionStage;

import reactor.core.publisher.Mono;

import dev.supergraph.starter.errors.SubgraphException;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * Everything that guards one field: its directive rule and its ownership rules.
 *
 * @param directives the {@code @authenticated}/{@code @requiresScopes} rule
 * @param ownership the ownership rules that apply to the field
 */
record FieldGuard(AccessRule directives, List<OwnershipRule> ownership) {

	boolean isNone() {
		return this.directives.isNone() && this.ownership.isEmpty();
	}

	DataFetcher<?> guard(DataFetcher<?> fetcher) {
		return (env) -> {
			AuditTrail trail = AuditTrail.of(env.getGraphQlContext());
			Viewer viewer = env.getGraphQlContext().getOrDefault(Viewer.class, Viewer.ANONYMOUS);
			if (!this.directives.allows(viewer)) {
				throw denied(env, viewer, this.directives.toString(), trail);
			}
			check(OwnershipRule.Target.SOURCE, env.getSource(), env, viewer, trail);
			Object result = fetcher.get(env);
			if (this.ownership.stream().noneMatch((rule) -> rule.target() == OwnershipRule.Target.RESULT)) {
				return result;
			}
			if (result instanceof CompletionStage<?> stage) {
				return stage.thenApply((value) -> checkResult(value, env, viewer, trail));
			}
			// Spring's controller fetchers answer a Mono when a method is asynchronous or
			// its exception was handled; Spring turns it into a future around this guard.
			if (result instanceof Mono<?> mono) {
				return mono.map((value) -> checkResult(value, env, viewer, trail));
			}
			return checkResult(result, env, viewer, trail);
		};
	}

	private @Nullable Object checkResult(@Nullable Object result, DataFetchingEnvironment env, Viewer viewer,
			AuditTrail trail) {
		Object value = (result instanceof DataFetcherResult<?> wrapped) ? wrapped.getData() : result;
		check(OwnershipRule.Target.RESULT, value, env, viewer, trail);
		return result;
	}

	private void check(OwnershipRule.Target target, @Nullable Object value, DataFetchingEnvironment env, Viewer viewer,
			AuditTrail trail) {
		for (OwnershipRule rule : this.ownership) {
			if (rule.target() == target && !rule.allows(viewer, value)) {
				throw denied(env, viewer, rule.toString(), trail);
			}
		}
	}

	private static SubgraphException denied(DataFetchingEnvironment env, Viewer viewer, String rule, AuditTrail trail) {
		trail.denied(env, viewer, rule);
		return viewer.isAuthenticated() ? SubgraphException.forbidden() : SubgraphException.unauthenticated();
	}

}
