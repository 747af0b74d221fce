package dev.supergraph.schematools.cli;

import picocli.CommandLine.Command;

/** The top-level command; it only groups the subcommands. */
@Command(name = "schema-tools", mixinStandardHelpOptions = true, version = "schema-tools 0.1.0",
		description = "Schema governance for the supergraph: check, lint, changelog.",
		subcommands = { CheckCommand.class, LintCommand.class, ChangelogCommand.class },
		footer = { "", "Exit codes: 0 ok, 1 breaking change or lint failure, 2 usage or input error." })
class SchemaToolsCommand implements Runnable {

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
				"missing command: check, lint or changelog");
	}

}
