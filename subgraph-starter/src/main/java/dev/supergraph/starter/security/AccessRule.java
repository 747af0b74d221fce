package dev.supergraph.starter.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLDirectiveContainer;
import org.jspecify.annotations.Nullable;

/**
 * The access rule a schema element declares with federation's {@code @authenticated} and
 * {@code @requiresScopes(scopes: [[...]])}: any one of the scope sets, each complete.
 *
 * @param authenticated whether an authenticated caller is required
 * @param scopeSets alternative sets of scopes; empty when no scopes are required
 */
record AccessRule(boolean authenticated, List<Set<String>> scopeSets) {

	static final AccessRule NONE = new AccessRule(false, List.of());

	boolean isNone() {
		return !this.authenticated && this.scopeSets.isEmpty();
	}

	/**
	 * Whether a caller satisfies the rule.
	 * @param viewer the caller
	 * @return {@code true} when allowed
	 */
	boolean allows(Viewer viewer) {
		if (!viewer.isAuthenticated()) {
			return isNone();
		}
		return this.scopeSets.isEmpty() || this.scopeSets.stream().anyMatch(viewer.scopes()::containsAll);
	}

	AccessRule and(AccessRule other) {
		if (other.isNone()) {
			return this;
		}
		if (isNone()) {
			return other;
		}
		List<Set<String>> combined = new ArrayList<>();
		for (Set<String> mine : orAny(this.scopeSets)) {
			for (Set<String> theirs : orAny(other.scopeSets)) {
				Set<String> both = new java.util.HashSet<>(mine);
				both.addAll(theirs);
				combined.add(Set.copyOf(both));
			}
		}
		boolean noScopes = this.scopeSets.isEmpty() && other.scopeSets.isEmpty();
		return new AccessRule(true, noScopes ? List.of() : combined);
	}

	private static List<Set<String>> orAny(List<Set<String>> sets) {
		return sets.isEmpty() ? List.of(Set.of()) : sets;
	}

	static AccessRule of(@Nullable GraphQLDirectiveContainer element) {
		if (element == null) {
			return NONE;
		}
		boolean authenticated = directive(element, "authenticated") != null;
		GraphQLAppliedDirective scopes = directive(element, "requiresScopes");
		List<Set<String>> sets = (scopes != null) ? scopeSets(scopes.getArgument("scopes")) : List.of();
		return new AccessRule(authenticated || !sets.isEmpty(), sets);
	}

	private static @Nullable GraphQLAppliedDirective directive(GraphQLDirectiveContainer element, String name) {
		GraphQLAppliedDirective imported = element.getAppliedDirective(name);
		return (imported != null) ? imported : element.getAppliedDirective("federation__" + name);
	}

	private static List<Set<String>> scopeSets(@Nullable GraphQLAppliedDirectiveArgument argument) {
		List<Set<String>> sets = new ArrayList<>();
		if (argument != null && argument.getValue() instanceof List<?> alternatives) {
			for (Object alternative : alternatives) {
				if (alternative instanceof List<?> scopes) {
					sets.add(Set.copyOf(scopes.stream().map(String::valueOf).toList()));
				}
			}
		}
		return sets;
	}

	@Override
	public String toString() {
		return this.scopeSets.isEmpty() ? "@authenticated" : "@requiresScopes" + this.scopeSets;
	}

}
