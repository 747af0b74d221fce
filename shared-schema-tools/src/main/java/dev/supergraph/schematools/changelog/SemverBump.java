package dev.supergraph.schematools.changelog;

import java.util.List;

import dev.supergraph.schematools.check.Finding;
import dev.supergraph.schematools.rules.Criticality;

/**
 * The semantic version bump a change set implies: major for any breaking change, minor
 * for additions and dangerous changes, patch for the rest (descriptions, deprecations).
 */
public enum SemverBump {

	MAJOR, MINOR, PATCH, NONE;

	public static SemverBump of(List<Finding> findings) {
		if (findings.isEmpty()) {
			return NONE;
		}
		if (findings.stream().anyMatch((finding) -> is(finding, Criticality.BREAKING))) {
			return MAJOR;
		}
		boolean minor = findings.stream()
			.anyMatch(
					(finding) -> is(finding, Criticality.DANGEROUS) || finding.change().kind().name().endsWith("_ADDED")
							&& !finding.change().kind().name().startsWith("DEPRECATION"));
		return minor ? MINOR : PATCH;
	}

	private static boolean is(Finding finding, Criticality criticality) {
		return finding.classification().criticality() == criticality;
	}

}
