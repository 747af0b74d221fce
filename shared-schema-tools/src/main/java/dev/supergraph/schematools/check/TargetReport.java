package dev.supergraph.schematools.check;

import java.util.List;

/**
 * The findings for one schema: a subgraph, or the supergraph's API schema.
 *
 * @param name the subgraph name, or {@code supergraph}
 * @param findings every change found, classified
 * @param note why the schema was not compared, if it was not
 */
public record TargetReport(String name, List<Finding> findings, String note) {

	public boolean failed() {
		return this.findings.stream().anyMatch((finding) -> finding.verdict() == Verdict.FAIL);
	}

}
