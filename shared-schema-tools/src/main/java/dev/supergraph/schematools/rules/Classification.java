package dev.supergraph.schematools.rules;

/**
 * The verdict of a rule on one change.
 *
 * @param criticality the level
 * @param reason why, in one sentence, for the report
 */
public record Classification(Criticality criticality, String reason) {

	public static Classification breaking(String reason) {
		return new Classification(Criticality.BREAKING, reason);
	}

	public static Classification dangerous(String reason) {
		return new Classification(Criticality.DANGEROUS, reason);
	}

	public static Classification safe(String reason) {
		return new Classification(Criticality.SAFE, reason);
	}

}
