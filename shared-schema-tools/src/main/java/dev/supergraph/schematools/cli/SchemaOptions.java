package dev.supergraph.schematools.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The schemas a command works on: subgraph SDL files by name and the composed supergraph.
 */
class SchemaOptions {

	@Option(names = "--subgraph", paramLabel = "NAME=FILE",
			description = "A subgraph's SDL, e.g. catalog=gateway-config/subgraphs/catalog.graphql (repeatable).")
	Map<String, Path> subgraphs = new LinkedHashMap<>();

	@Option(names = "--supergraph", paramLabel = "FILE",
			description = "The composed supergraph; its API schema is checked and operations are validated against it.")
	@Nullable Path supergraph;

	boolean isEmpty() {
		return this.subgraphs.isEmpty() && this.supergraph == null;
	}

}
