package dev.supergraph.schematools.clients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.supergraph.schematools.check.CheckReport;
import dev.supergraph.schematools.check.DeprecatedUsage;
import dev.supergraph.schematools.check.Finding;
import dev.supergraph.schematools.check.InvalidOperation;
import dev.supergraph.schematools.check.TargetReport;
import dev.supergraph.schematools.operations.Operation;
import dev.supergraph.schematools.rules.Criticality;

/**
 * Turns a check report into the list a client team reads: every operation a breaking or
 * dangerous change, an invalidation or a deprecation reaches, with its file and the
 * client packages that contain it.
 */
public final class AffectedClients {

	private AffectedClients() {
	}

	/**
	 * The affected operations, in the order of the known operations.
	 * @param report the check's report
	 * @param known the known operations the check ran with
	 * @param declarations the declared client packages
	 * @return one entry per affected operation
	 */
	public static List<AffectedOperation> of(CheckReport report, List<Operation> known,
			ClientDeclarations declarations) {
		Map<String, List<String>> reasons = new LinkedHashMap<>();
		for (TargetReport target : report.targets()) {
			for (Finding finding : target.findings()) {
				if (finding.classification().criticality() != Criticality.SAFE) {
					String reason = target.name() + ": " + finding.classification().criticality() + " "
							+ finding.change().summary();
					finding.operations().forEach((name) -> add(reasons, name, reason));
				}
			}
		}
		for (InvalidOperation invalid : report.invalidOperations()) {
			add(reasons, invalid.operation(), "no longer validates: " + String.join("; ", invalid.errors()));
		}
		for (DeprecatedUsage usage : report.deprecatedUsages()) {
			String date = usage.removalDate().isEmpty() ? "no removal date" : "removal after " + usage.removalDate();
			usage.operations()
				.forEach((name) -> add(reasons, name, "uses deprecated " + usage.coordinate() + " (" + date + ")"));
		}
		Map<String, Operation> byName = known.stream()
			.collect(Collectors.toMap(Operation::name, Function.identity(), (first, second) -> first));
		List<AffectedOperation> affected = new ArrayList<>();
		for (Operation operation : known) {
			List<String> why = reasons.get(operation.name());
			if (why != null && byName.get(operation.name()) == operation) {
				affected.add(new AffectedOperation(operation.name(), operation.file().toString(),
						declarations.containing(operation.file()), why));
			}
		}
		return affected;
	}

	private static void add(Map<String, List<String>> reasons, String operation, String reason) {
		List<String> list = reasons.computeIfAbsent(operation, (name) -> new ArrayList<>());
		if (!list.contains(reason)) {
			list.add(reason);
		}
	}

}
