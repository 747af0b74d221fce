package dev.supergraph.schematools.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.SchemaDiff;
import dev.supergraph.schematools.federation.FederationDiff;
import dev.supergraph.schematools.federation.VisibilityDiff;
import dev.supergraph.schematools.operations.Operation;
import dev.supergraph.schematools.rules.Classification;
import dev.supergraph.schematools.rules.Rules;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

/**
 * The check CI runs on a schema change: finds and classifies the changes of every schema,
 * applies the policy, validates the known operations against the new API schema and lists
 * deprecated elements they still use.
 */
public final class SchemaCheck {

	private final CheckPolicy policy;

	public SchemaCheck(CheckPolicy policy) {
		this.policy = policy;
	}

	/**
	 * Runs the check.
	 * @param pairs the subgraph schemas and the supergraph's API schema, each with its
	 * baseline
	 * @param api the new API schema to validate operations against, {@code null} if
	 * unknown
	 * @param operations the known client operations
	 * @return the report
	 */
	public CheckReport run(List<SchemaPair> pairs, @Nullable GraphQLSchema api, List<Operation> operations) {
		GraphQLSchema previousApi = pairs.stream()
			.filter((pair) -> !pair.federated() && pair.before() != null)
			.map(SchemaPair::before)
			.findFirst()
			.orElse(api);
		List<TargetReport> targets = pairs.stream()
			.map((pair) -> target(pair, operations, pair.federated() ? api : null, previousApi))
			.toList();
		List<String> notes = new ArrayList<>();
		if (api == null && !operations.isEmpty()) {
			notes.add("operations were not validated: no supergraph given");
		}
		List<InvalidOperation> invalid = (api != null) ? InvalidOperations.find(api, operations) : List.of();
		List<GraphQLSchema> current = (api != null) ? List.of(api) : pairs.stream().map(SchemaPair::after).toList();
		return new CheckReport(targets, invalid, DeprecatedUsages.find(current, operations), notes);
	}

	/** The classified changes of one schema, judged on its own. */
	public TargetReport target(SchemaPair pair, List<Operation> operations) {
		return target(pair, operations, null, null);
	}

	/**
	 * Operations reach a subgraph's types through other subgraphs' fields, so their usage
	 * is read from the previous API schema too, when there is one.
	 */
	private TargetReport target(SchemaPair pair, List<Operation> operations, @Nullable GraphQLSchema api,
			@Nullable GraphQLSchema previousApi) {
		GraphQLSchema before = pair.before();
		if (before == null) {
			return new TargetReport(pair.name(), List.of(), pair.note());
		}
		List<Change> changes = new ArrayList<>(SchemaDiff.compare(before, pair.after()));
		// an API schema keeps no federation machinery, but still says who sees each
		// element
		changes.addAll(pair.federated() ? FederationDiff.compare(before, pair.after())
				: VisibilityDiff.compare(before, pair.after()));
		List<GraphQLSchema> previous = Stream.of(before, previousApi).filter(Objects::nonNull).toList();
		List<OperationUsage> usages = operations.stream()
			.map((operation) -> OperationUsage.of(operation, previous))
			.toList();
		List<GraphQLSchema> current = Stream.of(pair.after(), api).filter(Objects::nonNull).toList();
		PolicyEvaluator evaluator = new PolicyEvaluator(this.policy, api);
		AffectedOperations affectedOperations = new AffectedOperations(usages, current);
		List<Finding> findings = changes.stream().map((change) -> {
			Affected affected = affectedOperations.of(change);
			Classification classification = AnonymousBreakage.classify(change, Rules.classify(change), affected);
			return evaluator.evaluate(change, classification, before, pair.after(), affected);
		}).toList();
		return new TargetReport(pair.name(), findings, pair.note());
	}

}
