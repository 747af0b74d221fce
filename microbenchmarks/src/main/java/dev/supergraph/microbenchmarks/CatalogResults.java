package dev.supergraph.microbenchmarks;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Results captured from a running catalog, for benchmarks of what happens to a result
 * after graphql-java: the catalog is stopped once they are captured.
 */
public final class CatalogResults {

	private CatalogResults() {
	}

	/**
	 * The result of {@code _entities} for 100 products, as graphql-java completed it.
	 * @return the result map and the catalog's JSON mapper
	 */
	public static Captured entities() {
		try (RunningCatalog catalog = RunningCatalog.start(Map.of())) {
			var response = catalog.entities();
			RunningCatalog.entitiesOf(response);
			return new Captured(response.toMap(), catalog.bean(JsonMapper.class));
		}
	}

	/**
	 * A result and the mapper of the application that produced it.
	 *
	 * @param result the result's specification map
	 * @param json the application's JSON mapper
	 */
	public record Captured(Map<String, Object> result, JsonMapper json) {
	}

}
