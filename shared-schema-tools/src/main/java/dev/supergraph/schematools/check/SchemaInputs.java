package dev.supergraph.schematools.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.supergraph.schematools.SchemaToolsException;
import dev.supergraph.schematools.baseline.Baseline;
import dev.supergraph.schematools.baseline.FileBaseline;
import dev.supergraph.schematools.schema.SchemaLoader;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

/** Reads the new schemas and their baseline versions into pairs. */
public final class SchemaInputs {

	/** Name of the pair that holds the supergraph's API schema. */
	public static final String SUPERGRAPH = "supergraph";

	private SchemaInputs() {
	}

	/**
	 * Pairs every subgraph and the supergraph (if given) with its baseline version.
	 * @param subgraphs subgraph name to SDL file
	 * @param supergraph the composed supergraph file, or {@code null}
	 * @param baseline where the previous versions come from
	 * @return the pairs, subgraphs first
	 */
	public static List<SchemaPair> pairs(Map<String, Path> subgraphs, @Nullable Path supergraph, Baseline baseline) {
		int count = subgraphs.size() + ((supergraph != null) ? 1 : 0);
		if (baseline instanceof FileBaseline && count != 1) {
			throw new SchemaToolsException(
					"a baseline file compares exactly one schema; give a directory or a git revision for " + count);
		}
		List<SchemaPair> pairs = new ArrayList<>();
		subgraphs.forEach((name, path) -> pairs.add(pair(name, path, baseline, true)));
		if (supergraph != null) {
			pairs.add(pair(SUPERGRAPH, supergraph, baseline, false));
		}
		return pairs;
	}

	private static SchemaPair pair(String name, Path path, Baseline baseline, boolean subgraph) {
		GraphQLSchema after = load(SchemaLoader.read(path), path.toString(), subgraph);
		Optional<String> before = baseline.read(path);
		if (before.isEmpty()) {
			return new SchemaPair(name, null, after, subgraph,
					"no baseline version in " + baseline.describe() + ": new schema, not compared");
		}
		String origin = baseline.describe() + ":" + path;
		return new SchemaPair(name, load(before.get(), origin, subgraph), after, subgraph, "");
	}

	/** Loads a subgraph SDL, or the API schema of a supergraph. */
	public static GraphQLSchema load(String sdl, String origin, boolean subgraph) {
		return subgraph ? SchemaLoader.subgraph(sdl, origin) : SchemaLoader.supergraphApi(sdl, origin);
	}

}
