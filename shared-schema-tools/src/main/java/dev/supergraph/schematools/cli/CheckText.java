package dev.supergraph.schematools.cli;

import java.util.List;

import dev.supergraph.schematools.check.CheckReport;
import dev.supergraph.schematools.check.DeprecatedUsage;
import dev.supergraph.schematools.check.Finding;
import dev.supergraph.schematools.check.InvalidOperation;
import dev.supergraph.schematools.check.TargetReport;
import dev.supergraph.schematools.clients.AffectedOperation;
import dev.supergraph.schematools.rules.Criticality;
import org.jspecify.annotations.Nullable;

/** The human-readable check report. */
final class CheckText {

	private CheckText() {
	}

	static String render(CheckReport report, @Nullable List<AffectedOperation> affected) {
		StringBuilder text = new StringBuilder();
		for (TargetReport target : report.targets()) {
			text.append(target.name()).append(": ").append(summary(target)).append('\n');
			for (Finding finding : target.findings()) {
				text.append(String.format("  %-7s %-9s %s%n", finding.verdict(), finding.classification().criticality(),
						finding.change().summary()));
				if (finding.classification().criticality() != Criticality.SAFE) {
					text.append("          ")
						.append(finding.explanation())
						.append(" — ")
						.append(finding.classification().reason())
						.append('\n');
					if (!finding.operations().isEmpty()) {
						text.append("          operations: ")
							.append(String.join(", ", finding.operations()))
							.append('\n');
					}
				}
			}
		}
		if (!report.invalidOperations().isEmpty()) {
			text.append("Operations that no longer validate against the new API schema:\n");
			for (InvalidOperation operation : report.invalidOperations()) {
				text.append("  ")
					.append(operation.operation())
					.append(" (")
					.append(operation.file())
					.append("): ")
					.append(String.join("; ", operation.errors()))
					.append('\n');
			}
		}
		if (!report.deprecatedUsages().isEmpty()) {
			text.append("Deprecated elements still used by known operations:\n");
			for (DeprecatedUsage usage : report.deprecatedUsages()) {
				String date = usage.removalDate().isEmpty() ? "no removal date"
						: "removal after " + usage.removalDate();
				text.append("  ")
					.append(usage.coordinate())
					.append(" (")
					.append(date)
					.append("): ")
					.append(String.join(", ", usage.operations()))
					.append('\n');
			}
		}
		if (affected != null && !affected.isEmpty()) {
			text.append("Affected operations and the client packages that contain them:\n");
			for (AffectedOperation operation : affected) {
				String clients = operation.clients().isEmpty() ? "no declared client package"
						: String.join(", ", operation.clients());
				text.append("  ")
					.append(operation.operation())
					.append(" (")
					.append(operation.file())
					.append("): ")
					.append(clients)
					.append('\n');
				operation.reasons().forEach((reason) -> text.append("    ").append(reason).append('\n'));
			}
		}
		report.notes().forEach((note) -> text.append("note: ").append(note).append('\n'));
		text.append(report.passed() ? "check passed\n" : "check FAILED\n");
		return text.toString();
	}

	private static String summary(TargetReport target) {
		if (target.findings().isEmpty()) {
			return target.note().isEmpty() ? "no changes" : target.note();
		}
		List<Finding> findings = target.findings();
		return findings.size() + " change(s): " + count(findings, Criticality.BREAKING) + " breaking, "
				+ count(findings, Criticality.DANGEROUS) + " dangerous, " + count(findings, Criticality.SAFE) + " safe";
	}

	private static long count(List<Finding> findings, Criticality criticality) {
		return findings.stream().filter((finding) -> finding.classification().criticality() == criticality).count();
	}

}
