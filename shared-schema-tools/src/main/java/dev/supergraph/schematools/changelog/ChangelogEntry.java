package dev.supergraph.schematools.changelog;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import dev.supergraph.schematools.check.Finding;
import dev.supergraph.schematools.check.TargetReport;
import dev.supergraph.schematools.rules.Criticality;

/** Renders one Markdown changelog entry: grouped by subgraph, then by category. */
public final class ChangelogEntry {

	private ChangelogEntry() {
	}

	public static String render(List<TargetReport> targets, LocalDate date, String title) {
		List<Finding> all = targets.stream().flatMap((target) -> target.findings().stream()).toList();
		SemverBump bump = SemverBump.of(all);
		StringBuilder markdown = new StringBuilder();
		markdown.append("## ").append(date).append(title.isBlank() ? "" : " — " + title).append("\n\n");
		markdown.append("Semantic version bump: **").append(bump.name().toLowerCase(Locale.ROOT)).append("**\n");
		for (TargetReport target : targets) {
			if (target.findings().isEmpty()) {
				continue;
			}
			markdown.append("\n### ").append(target.name()).append('\n');
			for (Criticality criticality : Criticality.values()) {
				section(target.findings(), criticality, markdown);
			}
		}
		if (all.isEmpty()) {
			markdown.append("\nNo schema changes.\n");
		}
		return markdown.toString();
	}

	private static void section(List<Finding> findings, Criticality criticality, StringBuilder markdown) {
		List<Finding> matching = findings.stream()
			.filter((finding) -> finding.classification().criticality() == criticality)
			.toList();
		if (matching.isEmpty()) {
			return;
		}
		String heading = criticality.name().charAt(0) + criticality.name().substring(1).toLowerCase(Locale.ROOT);
		markdown.append("\n#### ").append(heading).append("\n\n");
		matching.forEach((finding) -> markdown.append("- ").append(ChangeText.describe(finding)).append('\n'));
	}

}
