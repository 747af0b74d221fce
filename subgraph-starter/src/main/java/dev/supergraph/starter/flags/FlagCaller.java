package dev.supergraph.starter.flags;

import java.util.HashSet;
import java.util.Set;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.Value;
import dev.supergraph.starter.observability.ClientNames;
import org.jspecify.annotations.Nullable;

/**
 * Who a flag is evaluated for, read back from an OpenFeature evaluation context: the
 * targeting key is the user id, {@code scopes} and {@code client} are attributes.
 *
 * @param userId the user id, {@code null} for a machine client or anonymous
 * @param scopes the caller's scopes
 * @param client the client's name
 */
record FlagCaller(@Nullable String userId, Set<String> scopes, String client) {

	static FlagCaller of(@Nullable EvaluationContext context) {
		if (context == null) {
			return new FlagCaller(null, Set.of(), ClientNames.UNKNOWN);
		}
		String key = context.getTargetingKey();
		Set<String> scopes = new HashSet<>();
		Value listed = context.getValue(FeatureFlags.SCOPES);
		if (listed != null && listed.isList()) {
			listed.asList().stream().filter(Value::isString).forEach((scope) -> scopes.add(scope.asString()));
		}
		Value client = context.getValue(FeatureFlags.CLIENT);
		return new FlagCaller((key == null || key.isEmpty()) ? null : key, scopes,
				(client != null && client.isString()) ? client.asString() : ClientNames.UNKNOWN);
	}

}
