package dev.supergraph.schematools.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Prints a usage error as one line with a hint, and exits with code 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {

	@Override
	public int handleParseException(ParameterException ex, String[] args) {
		CommandLine commandLine = ex.getCommandLine();
		commandLine.getErr()
			.println("schema-tools: usage error: " + ex.getMessage() + " (see '"
					+ commandLine.getCommandSpec().qualifiedName() + " --help')");
		return ExitCodes.INPUT_ERROR;
	}

}
