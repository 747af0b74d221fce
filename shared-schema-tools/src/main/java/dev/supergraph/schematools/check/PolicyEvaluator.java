package dev.supergraph.schematools.check;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.supergraph.schematools.deprecation.DeprecationLookup;
import dev.supergraph.schematools.deprecation.RemovalDate;
import dev.supergraph.schematools.deprecation.TypeDeprecation;
import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;
import dev.supergraph.schematools.rules.Classification;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a classified change passes: breaking changes fail unless the element
 * was deprecated past its removal date and no known operation uses it; deprecations must
 * carry a removal date.
 */
final class PolicyEvaluator {

	/** The changes that add an element which may carry {@code @deprecated}. */
	private static final Set<ChangeKind> ADDED = EnumSet.of(ChangeKind.FIELD_ADDED, ChangeKind.ARGUMENT_ADDED,
			ChangeKind.INPUT_FIELD_ADDED, ChangeKind.ENUM_VALUE_ADDED);

	private final CheckPolicy policy;

	private final ServedElsewhere servedElsewhere;

	/**
	 * An evaluator.
	 * @param policy the switches
	 * @param api the new API schema when judging a subgraph, so that an element another
	 * subgraph still serves does not count as removed; {@code null} otherwise
	 */
	PolicyEvaluator(CheckPolicy policy, @Nullable GraphQLSchema api) {
		this.policy = policy;
		this.servedElsewhere = new ServedElsewhere(api);
	}

	Finding evaluate(Change change, Classification classification, GraphQLSchema before, GraphQLSchema after,
			Affected affected) {
		List<String> operations = affected.all();
		if (this.policy.deprecationPolicy() && (change.kind() == ChangeKind.DEPRECATION_ADDED
				|| change.kind() == ChangeKind.DEPRECATION_REASON_CHANGED)) {
			return deprecation(change, classification, operations);
		}
		if (this.policy.deprecationPolicy() && ADDED.contains(change.kind())) {
			// an element added already deprecated announces its removal as a deprecation
			// does
			Optional<String> reason = DeprecationLookup.reason(after, change.coordinate());
			if (reason.isPresent() && RemovalDate.parse(reason.get()).isEmpty()) {
				return fail(change, classification,
						"added deprecated without a removal date ('" + RemovalDate.FORMAT + "')", operations);
			}
		}
		return switch (classification.criticality()) {
			case SAFE -> new Finding(change, classification, Verdict.PASS, "safe", operations);
			case DANGEROUS -> this.policy.failOnDangerous()
					? new Finding(change, classification, Verdict.FAIL, "dangerous changes fail (--fail-on-dangerous)",
							operations)
					: new Finding(change, classification, Verdict.PASS, "dangerous: review it", operations);
			case BREAKING -> breaking(change, classification, before, affected);
		};
	}

	private Finding breaking(Change change, Classification classification, GraphQLSchema before, Affected affected) {
		List<String> operations = affected.all();
		Optional<Finding> servedElsewhere = this.servedElsewhere.judge(change, classification, before, operations);
		if (servedElsewhere.isPresent()) {
			return servedElsewhere.get();
		}
		if (!affected.using().isEmpty()) {
			return fail(change, classification, "breaks known operations: " + String.join(", ", affected.using()),
					operations);
		}
		if (!this.policy.deprecationPolicy()) {
			return fail(change, classification, "breaking change (deprecation policy off)", operations);
		}
		Optional<String> reason = deprecationOf(before, change);
		if (reason.isEmpty()) {
			return fail(change, classification, "breaking change to an element that was not deprecated first",
					operations);
		}
		Optional<LocalDate> date = RemovalDate.parse(reason.get());
		if (date.isEmpty()) {
			return fail(change, classification, "deprecated without a removal date ('" + RemovalDate.FORMAT + "')",
					operations);
		}
		if (!RemovalDate.isRemovable(date.get(), this.policy.today())) {
			return fail(change, classification, "removal before the announced date: removal after " + date.get(),
					operations);
		}
		String receivers = affected.seeing().isEmpty() ? ""
				: "; operations that may still receive it: " + String.join(", ", affected.seeing());
		return new Finding(change, classification, Verdict.ALLOWED,
				"deprecated with removal after " + date.get() + " and used by no known operation" + receivers,
				operations);
	}

	private Finding deprecation(Change change, Classification classification, List<String> operations) {
		Optional<LocalDate> date = RemovalDate.parse(change.after());
		if (date.isEmpty()) {
			return fail(change, classification, "deprecation reason lacks '" + RemovalDate.FORMAT + "'", operations);
		}
		Optional<LocalDate> previous = RemovalDate.parse(change.before());
		if (previous.isPresent() && date.get().isBefore(previous.get())) {
			return fail(change, classification, "removal date moved earlier than the announced " + previous.get(),
					operations);
		}
		return new Finding(change, classification, Verdict.PASS, "removal after " + date.get(), operations);
	}

	private static Optional<String> deprecationOf(GraphQLSchema before, Change change) {
		if (change.kind() == ChangeKind.TYPE_REMOVED) {
			return TypeDeprecation.reason(before, change.coordinate());
		}
		return DeprecationLookup.reason(before, change.coordinate())
			.or(() -> DeprecationLookup.reason(before, change.usage()));
	}

	private static Finding fail(Change change, Classification classification, String why, List<String> operations) {
		return new Finding(change, classification, Verdict.FAIL, why, operations);
	}

}
