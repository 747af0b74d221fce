package dev.supergraph.schematools.cli;

/** The documented exit codes. */
final class ExitCodes {

	static final int OK = 0;

	static final int FAILED = 1;

	static final int INPUT_ERROR = 2;

	private ExitCodes() {
	}

}
