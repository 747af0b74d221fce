package dev.supergraph.schematools.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** The outcome of one in-process run of the command line, as {@code main} runs it. */
record CliRun(int exitCode, String out, String err) {

	static CliRun of(String... args) {
		return withStack(SchemaToolsMain.STACK_BYTES, args);
	}

	static CliRun withStack(long stackBytes, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = SchemaToolsMain.commandLine();
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode;
		try {
			exitCode = SchemaToolsMain.execute(commandLine, stackBytes, args);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return new CliRun(exitCode, out.toString(), err.toString());
	}

}
