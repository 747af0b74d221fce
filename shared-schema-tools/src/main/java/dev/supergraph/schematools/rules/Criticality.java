package dev.supergraph.schematools.rules;

/** How a change affects existing clients, in graphql-inspector's three levels. */
public enum Criticality {

	/** Existing operations fail to validate or get different data. */
	BREAKING,

	/**
	 * Existing operations keep validating, but clients may see new values or behaviour.
	 */
	DANGEROUS,

	/** No existing operation is affected. */
	SAFE

}
