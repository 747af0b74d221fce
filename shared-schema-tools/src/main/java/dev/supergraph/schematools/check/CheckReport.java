package dev.supergraph.schematools.check;

import java.util.List;

/**
 * The result of a check.
 *
 * @param targets one report per compared schema
 * @param invalidOperations known operations that no longer validate
 * @param deprecatedUsages deprecated elements still used by known operations
 * @param notes remarks about what was not checked
 */
public record CheckReport(List<TargetReport> targets, List<InvalidOperation> invalidOperations,
		List<DeprecatedUsage> deprecatedUsages, List<String> notes) {

	public boolean passed() {
		return this.invalidOperations.isEmpty() && this.targets.stream().noneMatch(TargetReport::failed);
	}

}
