package dev.supergraph.schematools.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.supergraph.schematools.check.SchemaInputs;
import dev.supergraph.schematools.lint.LintProblem;
import dev.supergraph.schematools.lint.Linter;
import dev.supergraph.schematools.lint.Severity;
import dev.supergraph.schematools.schema.SchemaLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lint}: checks the platform's schema conventions. */
@Command(footer = { "", "Exit codes: 0 ok, 1 breaking change or lint failure, 2 usage or input error." }, name = "lint",
		mixinStandardHelpOptions = true,
		description = "Check naming, descriptions, input/payload naming, connection shape, userErrors and deprecation reasons.")
class LintCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	SchemaOptions schemas = new SchemaOptions();

	@Parameters(paramLabel = "FILE", description = "Subgraph SDL files, named after the file.")
	List<Path> files = new ArrayList<>();

	@Option(names = "--disable", paramLabel = "RULE", split = ",",
			description = "Skip rules (repeatable or comma-separated): naming, descriptions, input-naming, mutation-shape, connection-shape, deprecation-date, federation-imports.")
	Set<String> disabled = new LinkedHashSet<>();

	@Option(names = "--strict", description = "Warnings fail too.")
	boolean strict;

	@Option(names = "--format", defaultValue = "text", description = "text or json.")
	OutputFormat format = OutputFormat.text;

	@Override
	public Integer call() {
		Map<String, Path> subgraphs = new LinkedHashMap<>(this.schemas.subgraphs());
		for (Path file : this.files) {
			String name = file.getFileName().toString().replaceFirst("\\.graphqls?$", "");
			// two files of the same name (catalog.graphql in two directories) are both
			// linted: the later one is reported under its path
			if (subgraphs.putIfAbsent(name, file) != null && !file.equals(subgraphs.get(name))) {
				subgraphs.putIfAbsent(file.toString(), file);
			}
		}
		if (subgraphs.isEmpty() && this.schemas.supergraph == null) {
			throw new ParameterException(this.spec.commandLine(),
					"nothing to lint: give files, --subgraph or --supergraph");
		}
		Linter linter = new Linter(this.disabled);
		Map<String, List<LintProblem>> problems = new LinkedHashMap<>();
		subgraphs.forEach((name, path) -> problems.put(name,
				linter.lint(SchemaLoader.subgraph(SchemaLoader.read(path), path.toString()))));
		if (this.schemas.supergraph != null) {
			Path path = this.schemas.supergraph;
			problems.put(SchemaInputs.SUPERGRAPH,
					linter.lint(SchemaLoader.supergraphApi(SchemaLoader.read(path), path.toString())));
		}
		boolean failed = problems.values().stream().flatMap(List::stream).anyMatch(this::fails);
		print(problems, failed);
		return failed ? ExitCodes.FAILED : ExitCodes.OK;
	}

	private boolean fails(LintProblem problem) {
		return problem.severity() == Severity.ERROR || this.strict;
	}

	private void print(Map<String, List<LintProblem>> problems, boolean failed) {
		var out = this.spec.commandLine().getOut();
		if (this.format == OutputFormat.json) {
			out.println(Json.write(Map.of("passed", !failed, "problems", problems)));
		}
		else {
			problems.forEach((name, list) -> {
				out.println(name + ": " + (list.isEmpty() ? "ok" : list.size() + " problem(s)"));
				list.forEach((problem) -> out.printf("  %-7s %-16s %s: %s%n", problem.severity(), problem.rule(),
						problem.coordinate(), problem.message()));
			});
			out.println(failed ? "lint FAILED" : "lint passed");
		}
		out.flush();
	}

}
