package dev.supergraph.schematools.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.supergraph.schematools.migration.DeprecatedSelection;
import dev.supergraph.schematools.migration.DeprecatedSelections;
import dev.supergraph.schematools.migration.OperationRewriter;
import dev.supergraph.schematools.operations.OperationLoader;
import dev.supergraph.schematools.schema.SchemaLoader;
import graphql.schema.GraphQLSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code migrate}: the operations that still select a deprecated field with a named
 * replacement.
 */
@Command(footer = { "", "Exit codes: 0 ok, 1 a selection cannot be rewritten (with --write), 2 usage or input error." },
		name = "migrate", mixinStandardHelpOptions = true,
		description = "List the selections of deprecated fields whose reason names a replacement (\"Use `newField`.\"); with --write, rewrite them to `oldField: newField`.")
class MigrateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--supergraph", defaultValue = "gateway-config/supergraph.graphql", paramLabel = "FILE",
			description = "The composed supergraph whose API schema the operations run against (default: ${DEFAULT-VALUE}).")
	Path supergraph = Path.of("gateway-config/supergraph.graphql");

	@Option(names = "--operations", defaultValue = "gateway-config/operations", paramLabel = "DIR",
			description = "Directory of trusted client operations (default: ${DEFAULT-VALUE}).")
	Path operations = Path.of("gateway-config/operations");

	@Option(names = "--write", description = "Rewrite the selections in place, keeping each result key.")
	boolean write;

	@Option(names = "--format", defaultValue = "text", description = "text or json.")
	OutputFormat format = OutputFormat.text;

	@Override
	public Integer call() {
		GraphQLSchema schema = SchemaLoader.supergraphApi(SchemaLoader.read(this.supergraph),
				this.supergraph.toString());
		List<DeprecatedSelection> selections = DeprecatedSelections.find(schema, OperationLoader.load(this.operations));
		List<Path> written = this.write ? OperationRewriter.write(schema, selections) : List.of();
		boolean refused = this.write && selections.stream().anyMatch((selection) -> selection.refusal() != null);
		var out = this.spec.commandLine().getOut();
		if (this.format == OutputFormat.json) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("selections", selections);
			json.put("written", written.stream().map(Path::toString).toList());
			out.println(Json.write(json));
		}
		else {
			for (DeprecatedSelection selection : selections) {
				out.println(selection.file() + ":" + selection.line() + ":" + selection.column() + ": "
						+ selection.operation() + " selects deprecated " + selection.coordinate() + " → "
						+ ((selection.refusal() != null) ? "cannot rewrite: " + selection.refusal()
								: "`" + selection.rewritten() + "`"));
			}
			written.forEach((file) -> out.println("rewritten: " + file));
			out.println(selections.isEmpty() ? "no operation selects a deprecated field with a named replacement"
					: selections.size() + " selection(s) of deprecated fields"
							+ (this.write ? "" : "; --write rewrites them"));
		}
		out.flush();
		return refused ? ExitCodes.FAILED : ExitCodes.OK;
	}

}
