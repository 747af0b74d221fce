package dev.supergraph.schematools.cli;

import dev.supergraph.schematools.SchemaToolsException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints input errors as one line, never a stack trace, and exits with code 2. */
final class ErrorHandler implements IExecutionExceptionHandler {

	@Override
	public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
		String message = (ex instanceof SchemaToolsException) ? ex.getMessage()
				: "unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof StackOverflowError) {
				message = SchemaToolsMain.TOO_DEEP;
			}
			if (cause instanceof OutOfMemoryError) {
				message = SchemaToolsMain.TOO_LARGE;
			}
		}
		commandLine.getErr().println("schema-tools: error: " + message);
		return ExitCodes.INPUT_ERROR;
	}

}
