package dev.supergraph.schematools.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.supergraph.schematools.changelog.SchemaVersion;
import dev.supergraph.schematools.clients.ClientDeclarations;
import dev.supergraph.schematools.clients.ClientVersions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code version}: the schema's semantic version, and whether the clients follow it. */
@Command(footer = { "", "Exit codes: 0 ok, 1 a client's version disagrees, 2 usage or input error." }, name = "version",
		mixinStandardHelpOptions = true,
		description = "Print the schema's semantic version (1.0.0 plus every changelog entry's bump); with --clients, fail when a client package's version disagrees.")
class VersionCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--changelog", defaultValue = "docs/schema-changelog.md", paramLabel = "FILE",
			description = "The schema changelog (default: ${DEFAULT-VALUE}).")
	Path changelog = Path.of("docs/schema-changelog.md");

	@Option(names = "--clients", paramLabel = "FILE",
			description = "The client packages declaration (clients/clients.json) whose versions must follow the schema's.")
	@Nullable Path clients;

	@Option(names = "--write", description = "Set the clients' versions to the schema's instead of failing.")
	boolean write;

	@Option(names = "--format", defaultValue = "text", description = "text or json.")
	OutputFormat format = OutputFormat.text;

	@Override
	public Integer call() {
		if (this.write && this.clients == null) {
			throw new ParameterException(this.spec.commandLine(), "--write needs --clients");
		}
		// the default file may be missing (a repository before its first entry is at
		// 1.0.0); a file named
		// on the command line must be there, or a mistyped path reads as a schema at
		// 1.0.0
		SchemaVersion version = this.spec.commandLine().getParseResult().hasMatchedOption("--changelog")
				? SchemaVersion.ofExisting(this.changelog) : SchemaVersion.of(this.changelog);
		List<String> disagreements = List.of();
		if (this.clients != null) {
			ClientDeclarations declarations = ClientDeclarations.load(this.clients);
			disagreements = ClientVersions.disagreements(declarations, version);
			if (this.write && !disagreements.isEmpty()) {
				ClientVersions.write(declarations, version);
			}
		}
		boolean failed = !this.write && !disagreements.isEmpty();
		var out = this.spec.commandLine().getOut();
		if (this.format == OutputFormat.json) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("version", version.toString());
			json.put("disagreements", disagreements);
			json.put("written", this.write && !disagreements.isEmpty());
			out.println(Json.write(json));
		}
		else {
			out.println(version);
			String prefix = this.write ? "updated: " : "client version disagrees: ";
			disagreements.forEach((problem) -> out.println(prefix + problem));
			if (failed) {
				out.println("run `schema-tools version --clients " + this.clients + " --write` to align them");
			}
		}
		out.flush();
		return failed ? ExitCodes.FAILED : ExitCodes.OK;
	}

}
