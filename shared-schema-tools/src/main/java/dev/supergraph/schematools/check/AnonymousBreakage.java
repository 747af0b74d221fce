package dev.supergraph.schematools.check;

import java.util.List;
import java.util.Set;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;
import dev.supergraph.schematools.rules.Classification;
import org.jspecify.annotations.Nullable;

/**
 * An element that required no token and now requires one ({@code @authenticated} or
 * {@code @requiresScopes} added) is denied to callers without a token: the router answers
 * {@code null} with an error, and a {@code null} in a non-null field takes its parent
 * with it. That breaks the known operations that run without a token (they select nothing
 * else that requires one, judged on the schemas before the change) and select a field
 * whose parent the denial turns null. Other operations that select the element are named
 * for review: they send a token, but maybe without the scope.
 */
final class AnonymousBreakage {

	private AnonymousBreakage() {
	}

	static Affected affected(Change change, List<OperationUsage> usages, NullingFields nullingFields) {
		List<String> selecting = AffectedOperations.names(usages, (usage) -> usage.uses(change.usage()));
		if (!newlyRequiresToken(change)) {
			return new Affected(selecting, List.of());
		}
		Set<String> nulling = nullingFields.of(change.coordinate());
		List<String> broken = AffectedOperations.names(usages,
				(usage) -> usage.anonymous() && nulling.stream().anyMatch(usage::uses));
		Set<String> breaking = Set.copyOf(broken);
		return new Affected(broken, selecting.stream().filter((name) -> !breaking.contains(name)).toList());
	}

	/**
	 * The classification of a change that breaks operations running without a token; the
	 * rule's classification otherwise.
	 */
	static Classification classify(Change change, Classification classification, Affected affected) {
		if (change.kind() == ChangeKind.ACCESS_POLICY_CHANGED && newlyRequiresToken(change)
				&& !affected.using().isEmpty()) {
			return Classification.breaking("Operations that select it without a token get null for its parent:"
					+ " the router denies it, and a null in a non-null field propagates to the parent.");
		}
		return classification;
	}

	private static boolean newlyRequiresToken(Change change) {
		return !requiresToken(change.before()) && requiresToken(change.after());
	}

	/**
	 * Whether an access policy signature, such as {@code @authenticated()}, needs a
	 * token.
	 */
	private static boolean requiresToken(@Nullable String policy) {
		return policy != null && (policy.contains("@authenticated(") || policy.contains("@requiresScopes("));
	}

}
