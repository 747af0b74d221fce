package dev.supergraph.microbenchmarks;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import dev.supergraph.catalog.CatalogApplication;
import dev.supergraph.starter.test.TestDatabases;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;

/**
 * A catalog subgraph started in this JVM on a fresh database of the tests' PostgreSQL
 * server (seeded as for a local run), configured as {@code benchmark/run} starts it:
 * introspection off, one request in ten with its fields timed. Requests go to its
 * {@link WebGraphQlHandler}: through Spring for GraphQL's interceptors and graphql-java
 * with the starter's instrumentations, as an HTTP request does after the servlet filters,
 * and without reading or writing JSON.
 */
final class RunningCatalog implements AutoCloseable {

	/**
	 * The catalog's request of {@code benchmark/run}'s {@code _entities} comparison
	 * (load/workload.mjs).
	 */
	static final String ENTITIES = """
			query Entities($representations: [_Any!]!) {
			  _entities(representations: $representations) {
			    ... on Product { id sku name price { amount currency } weightGrams inStock }
			  }
			}""";

	static final int ENTITY_COUNT = 100;

	/**
	 * The catalog's part of the reference operation {@code ProductPage}: a page of 20
	 * products with their categories, in the shape the router sends it.
	 */
	static final String PRODUCT_PAGE = """
			query ProductPage($first: Int, $after: String, $filter: ProductFilter) {
			  products(first: $first, after: $after, filter: $filter) {
			    edges {
			      cursor
			      node { id sku name description price { amount currency } inStock weightGrams category { id name } }
			    }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	static final int PAGE_SIZE = 20;

	private final ConfigurableApplicationContext context;

	private final WebGraphQlHandler handler;

	private final Map<String, Object> entitiesBody;

	private RunningCatalog(ConfigurableApplicationContext context) {
		this.context = context;
		this.handler = context.getBean(WebGraphQlHandler.class);
		this.entitiesBody = entitiesBody(IntStream.rangeClosed(1, ENTITY_COUNT).mapToObj(String::valueOf).toList());
	}

	/**
	 * The body of an {@code _entities} request for products.
	 * @param ids the products' ids
	 * @return the request body
	 */
	static Map<String, Object> entitiesBody(List<String> ids) {
		List<Map<String, Object>> representations = ids.stream()
			.map((id) -> Map.<String, Object>of("__typename", "Product", "id", id))
			.toList();
		return Map.of("query", ENTITIES, "variables", Map.of("representations", representations));
	}

	/**
	 * Starts a catalog.
	 * @param properties properties that override the benchmark's configuration
	 * @return the running catalog, its products seeded
	 */
	static RunningCatalog start(Map<String, Object> properties) {
		Map<String, Object> configuration = new HashMap<>(TestDatabases.forName("microbenchmarks").properties());
		configuration.put("spring.profiles.active", "dev");
		configuration.put("server.port", 0);
		configuration.put("spring.graphql.schema.introspection.enabled", false);
		configuration.put("subgraph.observability.field-sample-rate", 0.1);
		configuration.put("management.tracing.sampling.probability", 0.1);
		// the test library's statement counter would proxy the data source
		configuration.put("spring.autoconfigure.exclude",
				"dev.supergraph.starter.test.StatementCountingAutoConfiguration");
		configuration.put("logging.level.root", "WARN");
		configuration.putAll(properties);
		// as command-line arguments, which win over the application's own files
		String[] arguments = configuration.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		return new RunningCatalog(SpringApplication.run(CatalogApplication.class, arguments));
	}

	/**
	 * Asks for the first 100 products by their ids, as the router asks.
	 * @return the response, checked by {@link #entitiesOf}
	 */
	WebGraphQlResponse entities() {
		return execute(this.entitiesBody);
	}

	/**
	 * Asks for the first page of products, as the router asks for {@code ProductPage}.
	 * @return the response, checked by {@link #productsOf}
	 */
	WebGraphQlResponse productPage() {
		return execute(Map.of("query", PRODUCT_PAGE, "variables", Map.of("first", PAGE_SIZE)));
	}

	WebGraphQlResponse execute(Map<String, Object> body) {
		WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://127.0.0.1/graphql"), new HttpHeaders(),
				null, null, Map.of(), body, "microbenchmark", Locale.ENGLISH);
		return this.handler.handleRequest(request).block();
	}

	/**
	 * The entities of a response to {@link #entities()}, or an exception when it is not
	 * the 100 products without errors: a benchmark must not measure an error path.
	 * @param response a response
	 * @return the entities
	 */
	static List<Map<String, Object>> entitiesOf(WebGraphQlResponse response) {
		List<ResponseError> errors = response.getErrors();
		if (!errors.isEmpty()) {
			throw new IllegalStateException("_entities answered errors: " + errors);
		}
		List<Map<String, Object>> entities = response.field("_entities").getValue();
		if (entities == null || entities.size() != ENTITY_COUNT
				|| entities.stream().anyMatch((entity) -> entity == null || entity.get("price") == null)) {
			throw new IllegalStateException("_entities did not answer " + ENTITY_COUNT + " products: " + entities);
		}
		return entities;
	}

	/**
	 * The products of a response to {@link #productPage()}, or an exception when it is
	 * not a full page without errors.
	 * @param response a response
	 * @return the products
	 */
	static List<Map<String, Object>> productsOf(WebGraphQlResponse response) {
		List<ResponseError> errors = response.getErrors();
		if (!errors.isEmpty()) {
			throw new IllegalStateException("products answered errors: " + errors);
		}
		List<Map<String, Object>> edges = response.field("products.edges").getValue();
		if (edges == null || edges.size() != PAGE_SIZE) {
			throw new IllegalStateException("products did not answer a page of " + PAGE_SIZE + ": " + edges);
		}
		return edges.stream().map((edge) -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> node = (Map<String, Object>) edge.get("node");
			return node;
		}).toList();
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
