package dev.supergraph.schematools.cli;

import picocli.CommandLine;

/** Entry point of the {@code schema-tools} command line. */
public final class SchemaToolsMain {

	private SchemaToolsMain() {
	}

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/** The configured command line, also used by tests. */
	public static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new SchemaToolsCommand());
		commandLine.setExecutionExceptionHandler(new ErrorHandler());
		commandLine.setParameterExceptionHandler(new UsageErrorHandler());
		return commandLine;
	}

}
