package dev.supergraph.catalog.cache;

import java.util.Map;

import dev.supergraph.catalog.CatalogApplication;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SqlStatementCounter;
import dev.supergraph.starter.test.TestDatabaseInitializer;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second catalog replica beside a test's own, on the test's PostgreSQL database and a
 * Redis generation key of the test's, and what the replica tests ask of either.
 */
final class CatalogReplicas {

	static final String PRODUCT = "query($id: ID!) { product(id: $id) { id price { amount } } }";

	static final String UPDATE_PRICE = """
			mutation($input: UpdateProductPriceInput!) {
			  updateProductPrice(input: $input) { userErrors { code } }
			}""";

	private CatalogReplicas() {
	}

	static ConfigurableApplicationContext start(int redisPort, String generationKey) {
		return new SpringApplicationBuilder(CatalogApplication.class).profiles("test")
			.initializers(new TestDatabaseInitializer())
			.run("--server.port=0", "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
					"--catalog.cache.redis-key=" + generationKey, "--catalog.seed.enabled=false");
	}

	static void stop(ConfigurableApplicationContext replica, String generationKey) {
		if (replica != null) {
			replica.getBean(StringRedisTemplate.class).delete(generationKey);
			replica.close();
		}
	}

	static GraphQlHttpClient client(ConfigurableApplicationContext replica) {
		return GraphQlHttpClient.forPort(((WebServerApplicationContext) replica).getWebServer().getPort());
	}

	static int statementsFor(ConfigurableApplicationContext replica, Runnable action) {
		SqlStatementCounter counter = replica.getBean(SqlStatementCounter.class);
		counter.reset();
		action.run();
		return counter.statements();
	}

	/** Changes a product's price through a replica, as the given caller. */
	static void updatePrice(GraphQlHttpClient replica, String token, String productId, String amount) {
		Response updated = replica.post(UPDATE_PRICE,
				Map.of("input", Map.of("productId", productId, "price", Map.of("amount", amount, "currency", "EUR"))),
				token);
		assertThat(updated.data().path("updateProductPrice").path("userErrors")).as(updated.body()).isEmpty();
	}

	/** A price other than the given one. */
	static String anotherPrice(String price) {
		return price.equals("12.34") ? "43.21" : "12.34";
	}

	static String price(Response response) {
		JsonNode product = response.data().path("product");
		assertThat(product.isObject()).as(response.body()).isTrue();
		return product.path("price").path("amount").asString();
	}

}
