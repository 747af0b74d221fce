package dev.supergraph.schematools.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The schemas a command works on: subgraph SDL files by name and the composed supergraph.
 */
class SchemaOptions {

	@Spec(Spec.Target.MIXEE)
	@Nullable CommandSpec command;

	@Option(names = "--subgraph", paramLabel = "NAME=FILE",
			description = "A subgraph's SDL, e.g. catalog=gateway-config/subgraphs/catalog.graphql (repeatable).")
	List<String> subgraphArguments = new ArrayList<>();

	@Option(names = "--supergraph", paramLabel = "FILE",
			description = "The composed supergraph; its API schema is checked and operations are validated against it.")
	@Nullable Path supergraph;

	/**
	 * The subgraphs by name. A name given twice would silently drop one of the files, and
	 * a blank name or file checks nothing: both are usage errors.
	 * @return subgraph name to SDL file, in the order given
	 * @throws ParameterException for an argument that is not {@code NAME=FILE} or a name
	 * given twice
	 */
	Map<String, Path> subgraphs() {
		Map<String, Path> subgraphs = new LinkedHashMap<>();
		for (String argument : this.subgraphArguments) {
			int equals = argument.indexOf('=');
			String name = (equals > 0) ? argument.substring(0, equals).strip() : "";
			String file = (equals > 0) ? argument.substring(equals + 1) : "";
			if (name.isEmpty() || file.isBlank()) {
				throw usage("--subgraph takes NAME=FILE (e.g. catalog=gateway-config/subgraphs/catalog.graphql), not '"
						+ argument + "'");
			}
			Path previous = subgraphs.putIfAbsent(name, Path.of(file));
			if (previous != null) {
				throw usage("subgraph '" + name + "' is given twice (" + previous + " and " + file
						+ "): give each subgraph once");
			}
		}
		return subgraphs;
	}

	boolean isEmpty() {
		return this.subgraphArguments.isEmpty() && this.supergraph == null;
	}

	private ParameterException usage(String message) {
		if (this.command == null) {
			throw new IllegalStateException("not a mixin of a command");
		}
		return new ParameterException(this.command.commandLine(), message);
	}

}
