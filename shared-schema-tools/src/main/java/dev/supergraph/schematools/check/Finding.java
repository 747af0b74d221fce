package dev.supergraph.schematools.check;

import java.util.List;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.rules.Classification;

/**
 * One classified change and the policy's verdict on it.
 *
 * @param change the change
 * @param classification the rule's classification
 * @param verdict the policy's verdict
 * @param explanation why the verdict, for the report
 * @param operations the known operations the change affects
 */
public record Finding(Change change, Classification classification, Verdict verdict, String explanation,
		List<String> operations) {

}
