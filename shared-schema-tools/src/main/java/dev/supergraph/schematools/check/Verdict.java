package dev.supergraph.schematools.check;

/** What the policy says about one change. */
public enum Verdict {

	/** Not breaking: nothing to decide. */
	PASS,

	/**
	 * Breaking, but the policy allows it (deprecated past its removal date, used by no
	 * known operation).
	 */
	ALLOWED,

	/** Fails the check. */
	FAIL

}
