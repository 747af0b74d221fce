package dev.supergraph.schematools.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** Entry point of the {@code schema-tools} command line. */
public final class SchemaToolsMain {

	private SchemaToolsMain() {
	}

	/**
	 * Schemas and operations are walked recursively (graphql-java's parser, the checks'
	 * walks of types and selections), so a long chain of types needs a deep stack: the
	 * command runs on a thread with {@link #STACK_BYTES} of it, and a schema deeper still
	 * is an input error like any other, not a stack trace.
	 */
	static final long STACK_BYTES = 512L << 20;

	static final String TOO_DEEP = "the schema or an operation nests too deeply to be read "
			+ "(types or selections inside each other thousands of levels deep)";

	static final String TOO_LARGE = "out of memory: an input (a schema, an operation or a baseline) is too large "
			+ "to read; check the files given, or raise the heap (JAVA_TOOL_OPTIONS=-Xmx…) for a schema that big";

	public static void main(String[] args) throws InterruptedException {
		System.exit(execute(commandLine(), args));
	}

	/**
	 * Runs a command line on a thread with a deep stack.
	 * @param commandLine the command line, configured by {@link #commandLine()}
	 * @param args its arguments
	 * @return its exit code; an input error for a schema nested too deeply
	 * @throws InterruptedException when interrupted while the command runs
	 */
	static int execute(CommandLine commandLine, String... args) throws InterruptedException {
		return execute(commandLine, STACK_BYTES, args);
	}

	static int execute(CommandLine commandLine, long stackBytes, String... args) throws InterruptedException {
		int[] exitCode = { ExitCodes.INPUT_ERROR };
		Thread command = new Thread(null, () -> {
			try {
				exitCode[0] = commandLine.execute(args);
			}
			catch (StackOverflowError ex) {
				commandLine.getErr().println("schema-tools: error: " + TOO_DEEP);
			}
			catch (OutOfMemoryError ex) {
				commandLine.getErr().println("schema-tools: error: " + TOO_LARGE);
			}
		}, "schema-tools", stackBytes);
		command.start();
		command.join();
		return exitCode[0];
	}

	/** The configured command line, also used by tests. */
	public static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new SchemaToolsCommand());
		commandLine.setExecutionExceptionHandler(new ErrorHandler());
		commandLine.setParameterExceptionHandler(new UsageErrorHandler());
		commandLine.registerConverter(LocalDate.class, SchemaToolsMain::date);
		return commandLine;
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new TypeConversionException("'" + text + "' is not a date (yyyy-mm-dd)");
		}
	}

}
