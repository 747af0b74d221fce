package dev.supergraph.schematools.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.supergraph.schematools.check.Baselines;
import dev.supergraph.schematools.check.CheckPolicy;
import dev.supergraph.schematools.check.CheckReport;
import dev.supergraph.schematools.check.SchemaCheck;
import dev.supergraph.schematools.check.SchemaInputs;
import dev.supergraph.schematools.check.SchemaPair;
import dev.supergraph.schematools.clients.AffectedClients;
import dev.supergraph.schematools.clients.AffectedOperation;
import dev.supergraph.schematools.clients.ClientDeclarations;
import dev.supergraph.schematools.operations.Operation;
import dev.supergraph.schematools.operations.OperationLoader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check}: classifies every change against a baseline and applies the policy. */
@Command(footer = { "", "Exit codes: 0 ok, 1 breaking change or lint failure, 2 usage or input error." },
		name = "check", mixinStandardHelpOptions = true,
		description = "Compare subgraph schemas and the supergraph's API schema with a baseline; fail on breaking changes the policy does not allow.")
class CheckCommand implements Callable<Integer> {

	enum Switch {

		on, off

	}

	@Spec
	CommandSpec spec;

	@Mixin
	SchemaOptions schemas = new SchemaOptions();

	@Option(names = "--baseline", required = true, paramLabel = "REF|DIR|FILE",
			description = "A git revision (HEAD~1, a merge base, a tag), a directory of previous schema files, or one file.")
	String baseline = "";

	@Option(names = "--operations", paramLabel = "DIR",
			description = "Directory of trusted client operations (*.graphql).")
	@Nullable Path operations;

	@Option(names = "--clients", paramLabel = "FILE",
			description = "The client packages declaration (clients/clients.json): name the packages each affected operation is in. Needs --operations.")
	@Nullable Path clients;

	@Option(names = "--today", paramLabel = "yyyy-mm-dd",
			description = "The date removal dates are compared with (default: today).")
	@Nullable LocalDate today;

	@Option(names = "--deprecation-policy", defaultValue = "on",
			description = "on: removal dates are required and enforced, expired unused elements may go; off: every breaking change fails.")
	Switch deprecationPolicy = Switch.on;

	@Option(names = "--fail-on-dangerous", description = "Fail on dangerous changes too.")
	boolean failOnDangerous;

	@Option(names = "--format", defaultValue = "text", description = "text or json.")
	OutputFormat format = OutputFormat.text;

	@Override
	public Integer call() {
		if (this.schemas.isEmpty()) {
			throw new ParameterException(this.spec.commandLine(), "nothing to check: give --subgraph or --supergraph");
		}
		if (this.clients != null && this.operations == null) {
			throw new ParameterException(this.spec.commandLine(), "--clients needs --operations");
		}
		ClientDeclarations declarations = (this.clients != null) ? ClientDeclarations.load(this.clients) : null;
		Path workingDirectory = Path.of("").toAbsolutePath();
		List<SchemaPair> pairs = SchemaInputs.pairs(this.schemas.subgraphs(), this.schemas.supergraph,
				Baselines.resolve(this.baseline, workingDirectory));
		List<Operation> known = (this.operations != null) ? OperationLoader.load(this.operations) : List.of();
		CheckPolicy policy = new CheckPolicy(this.deprecationPolicy == Switch.on, this.failOnDangerous,
				(this.today != null) ? this.today : LocalDate.now());
		SchemaPair api = pairs.stream().filter((pair) -> !pair.federated()).findFirst().orElse(null);
		CheckReport report = new SchemaCheck(policy).run(pairs, (api != null) ? api.after() : null, known);
		List<AffectedOperation> affected = (declarations != null) ? AffectedClients.of(report, known, declarations)
				: null;
		print(report, affected);
		return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
	}

	private void print(CheckReport report, @Nullable List<AffectedOperation> affected) {
		if (this.format == OutputFormat.json) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("passed", report.passed());
			json.put("report", report);
			if (affected != null) {
				json.put("affectedOperations", affected);
			}
			this.spec.commandLine().getOut().println(Json.write(json));
		}
		else {
			this.spec.commandLine().getOut().print(CheckText.render(report, affected));
		}
		this.spec.commandLine().getOut().flush();
	}

}
