package dev.supergraph.starter.flags;

import java.util.List;

import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;

/**
 * A boolean flag of the flags file: switched off, it is its default for everybody;
 * switched on, the first matching rule decides, else the default.
 *
 * @param enabled whether the rules apply
 * @param defaultValue the value when off or when no rule matches
 * @param rules the rules, in order
 */
record Flag(boolean enabled, boolean defaultValue, List<FlagRule> rules) {

	Flag {
		rules = List.copyOf(rules);
	}

	ProviderEvaluation<Boolean> evaluate(String key, FlagCaller caller) {
		if (!this.enabled) {
			return result(this.defaultValue, Reason.DISABLED);
		}
		for (FlagRule rule : this.rules) {
			if (rule.matches(key, caller)) {
				return result(rule.value(), Reason.TARGETING_MATCH);
			}
		}
		return result(this.defaultValue, Reason.DEFAULT);
	}

	private static ProviderEvaluation<Boolean> result(boolean value, Reason reason) {
		return ProviderEvaluation.<Boolean>builder().value(value).reason(reason.name()).build();
	}

}
