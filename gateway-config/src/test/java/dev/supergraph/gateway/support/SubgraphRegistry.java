package dev.supergraph.gateway.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry of subgraphs, {@code gateway-config/subgraphs.json}, as the end-to-end
 * harness reads it: the same file the router, the scripts and the generated configs come
 * from.
 */
public final class SubgraphRegistry {

	private static final Path FILE = Path.of("subgraphs.json");

	private static final List<Entry> ENTRIES = load();

	private SubgraphRegistry() {
	}

	/**
	 * Every registered subgraph, in registry order.
	 * @return the entries
	 */
	public static List<Entry> all() {
		return ENTRIES;
	}

	/**
	 * The names of the registered subgraphs, for parameterized tests.
	 * @return the names
	 */
	public static List<String> names() {
		return ENTRIES.stream().map(Entry::name).toList();
	}

	/**
	 * One registered subgraph.
	 * @param name the subgraph
	 * @return its entry
	 */
	public static Entry get(String name) {
		return ENTRIES.stream()
			.filter((entry) -> entry.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No subgraph " + name + " in " + FILE));
	}

	private static List<Entry> load() {
		JsonNode subgraphs = JsonMapper.builder().build().readTree(FILE.toFile()).path("subgraphs");
		return subgraphs.valueStream().map(SubgraphRegistry::entry).toList();
	}

	private static Entry entry(JsonNode node) {
		Map<String, String> calls = new LinkedHashMap<>();
		node.path("calls").properties().forEach((call) -> calls.put(call.getKey(), call.getValue().asString()));
		return new Entry(node.path("name").asString(), node.path("module").asString(), node.path("port").asInt(),
				node.path("database").asString(), calls);
	}

	/**
	 * A registered subgraph.
	 *
	 * @param name its name in the supergraph
	 * @param module its Maven module
	 * @param port its local port
	 * @param database its database in compose
	 * @param calls configuration properties that take another subgraph's GraphQL URL, by
	 * that subgraph's name
	 */
	public record Entry(String name, String module, int port, String database, Map<String, String> calls) {

		/**
		 * The router's variable for this subgraph's URL, e.g. {@code USERS_URL} (as
		 * {@code router/subgraphs.mjs} derives it).
		 * @return the variable name
		 */
		public String urlVariable() {
			return this.name.toUpperCase().replace('-', '_') + "_URL";
		}

	}

}
