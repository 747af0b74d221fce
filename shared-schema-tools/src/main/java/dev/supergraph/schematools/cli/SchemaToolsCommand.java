package dev.supergraph.schematools.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command; it only groups the subcommands. */
@Command(name = "schema-tools", mixinStandardHelpOptions = true, version = "schema-tools 0.1.0",
		description = "Schema governance for the supergraph: check, lint, changelog, version, migrate.",
		subcommands = { CheckCommand.class, LintCommand.class, ChangelogCommand.class, VersionCommand.class,
				MigrateCommand.class },
		footer = { "", "Exit codes: 0 ok, 1 breaking change or lint failure, 2 usage or input error." })
class SchemaToolsCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(),
				"missing command: check, lint, changelog, version or migrate");
	}

}
