package dev.supergraph.schematools.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.supergraph.schematools.FileWrites;
import dev.supergraph.schematools.changelog.ChangelogEntry;
import dev.supergraph.schematools.changelog.ChangelogFile;
import dev.supergraph.schematools.changelog.SchemaVersion;
import dev.supergraph.schematools.changelog.SemverBump;
import dev.supergraph.schematools.check.Baselines;
import dev.supergraph.schematools.check.CheckPolicy;
import dev.supergraph.schematools.check.SchemaCheck;
import dev.supergraph.schematools.check.SchemaInputs;
import dev.supergraph.schematools.check.TargetReport;
import dev.supergraph.schematools.clients.ClientDeclarations;
import dev.supergraph.schematools.clients.ClientVersions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code changelog}: appends a Markdown entry for the changes since a baseline. */
@Command(footer = { "", "Exit codes: 0 ok, 1 breaking change or lint failure, 2 usage or input error." },
		name = "changelog", mixinStandardHelpOptions = true,
		description = "Append a Markdown entry (by subgraph and category, with the implied semver bump) to the schema changelog.")
class ChangelogCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	SchemaOptions schemas = new SchemaOptions();

	@Option(names = "--baseline", required = true, paramLabel = "REF|DIR|FILE", description = "As for check.")
	String baseline = "";

	@Option(names = "--output", defaultValue = "docs/schema-changelog.md", paramLabel = "FILE",
			description = "The changelog to append to (default: ${DEFAULT-VALUE}).")
	Path output = Path.of("docs/schema-changelog.md");

	@Option(names = "--date", paramLabel = "yyyy-mm-dd", description = "Date of the entry (default: today).")
	@Nullable LocalDate date;

	@Option(names = "--title", defaultValue = "",
			description = "A title for the entry, e.g. a release or pull request.")
	String title = "";

	@Option(names = "--clients", paramLabel = "FILE",
			description = "The client packages declaration (clients/clients.json): set their versions to the schema's new version.")
	@Nullable Path clients;

	@Option(names = "--dry-run", description = "Print the entry without writing it.")
	boolean dryRun;

	@Option(names = "--format", defaultValue = "text", description = "text or json.")
	OutputFormat format = OutputFormat.text;

	@Override
	public Integer call() {
		if (this.schemas.isEmpty()) {
			throw new ParameterException(this.spec.commandLine(),
					"nothing to compare: give --subgraph or --supergraph");
		}
		// the title is the entry's heading: a line break would start a line of its own,
		// a "Semantic version bump" line among them
		if (this.title.chars().anyMatch(Character::isISOControl)) {
			throw new ParameterException(this.spec.commandLine(),
					"--title must be one line of text, without line breaks or control characters");
		}
		LocalDate day = (this.date != null) ? this.date : LocalDate.now();
		SchemaCheck check = new SchemaCheck(CheckPolicy.defaults(day));
		List<TargetReport> targets = SchemaInputs
			.pairs(this.schemas.subgraphs(), this.schemas.supergraph,
					Baselines.resolve(this.baseline, Path.of("").toAbsolutePath()))
			.stream()
			.map((pair) -> check.target(pair, List.of()))
			.toList();
		SemverBump bump = SemverBump.of(targets.stream().flatMap((target) -> target.findings().stream()).toList());
		String entry = ChangelogEntry.render(targets, day, this.title);
		boolean write = !this.dryRun && bump != SemverBump.NONE;
		ClientDeclarations declarations = (this.clients != null) ? ClientDeclarations.load(this.clients) : null;
		// read before anything is written: a changelog that cannot be read (not UTF-8, an
		// unknown bump) is refused as it is, not after the entry was appended to it
		SchemaVersion version = SchemaVersion.of(this.output).bump(bump);
		if (write) {
			// the changelog and the clients' versions together or none: a client's file
			// without a version must not leave the entry appended and other clients
			// raised;
			// a new or mistyped changelog must not lower the clients (updates refuses it)
			Map<Path, String> files = new LinkedHashMap<>();
			files.put(this.output, ChangelogFile.appended(this.output, entry));
			if (declarations != null) {
				files.putAll(ClientVersions.updates(declarations, version));
			}
			FileWrites.writeAll(files);
		}
		var out = this.spec.commandLine().getOut();
		if (this.format == OutputFormat.json) {
			out.println(Json.write(Map.of("bump", bump.name().toLowerCase(Locale.ROOT), "version", version.toString(),
					"entry", entry, "written", write)));
		}
		else {
			out.print(entry);
			out.println(write ? "appended to " + this.output : "changelog not written");
			out.println((write ? "schema version: " : "schema version with this entry: ") + version
					+ ((write && declarations != null) ? " (client versions updated)" : ""));
		}
		out.flush();
		return ExitCodes.OK;
	}

}
