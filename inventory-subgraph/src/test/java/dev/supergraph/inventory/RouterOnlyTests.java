package dev.supergraph.inventory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a router secret configured, the inventory answers only requests signed by the
 * router: {@code _service} and {@code _entities} cannot be reached around the router's
 * checks.
 */
@SubgraphTest
@TestPropertySource(properties = "subgraph.security.router-secret=" + RouterOnlyTests.SECRET)
class RouterOnlyTests {

	static final String SECRET = "inventory-test-router-secret-0123456789";

	static final String ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id inStock } } }";

	@LocalServerPort
	int port;

	@Test
	void unsignedServiceAndEntitiesRequestsAreForbidden() {
		GraphQlHttpClient unsigned = GraphQlHttpClient.forPort(this.port);
		Response service = unsigned.post("{ _service { sdl } }");
		assertThat(service.status()).isEqualTo(403);
		assertThat(service.firstErrorCode()).isEqualTo("FORBIDDEN");
		assertThat(service.body()).doesNotContain("type Product");
		Response entities = unsigned.post(ENTITIES, representations(), null);
		assertThat(entities.status()).isEqualTo(403);
		assertThat(entities.body()).doesNotContain("inStock");
	}

	@Test
	void requestsSignedWithAnotherSecretOrForAnotherQueryAreForbidden() {
		Response forged = GraphQlHttpClient.forPort(this.port)
			.signedWith("guessed")
			.post(ENTITIES, representations(), null);
		assertThat(forged.status()).isEqualTo(403);
		// a stamp of one body does not sign another
		byte[] signedBody = "{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.UTF_8);
		String stamp = dev.supergraph.starter.security.RouterSignature.withSecret(SECRET).freshness(signedBody);
		Response reused = GraphQlHttpClient.forPort(this.port)
			.postRaw("application/json", "{\"query\":\"{ _service { sdl } }\"}".getBytes(StandardCharsets.UTF_8),
					dev.supergraph.starter.security.RouterSignature.FRESHNESS_HEADER, stamp);
		assertThat(reused.status()).isEqualTo(403);
	}

	@Test
	void signedRequestsAreServed() {
		Response response = GraphQlHttpClient.forPort(this.port)
			.signedWith(SECRET)
			.post(ENTITIES, representations(), null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.data().path("_entities").get(0).path("inStock").asBoolean()).isTrue();
	}

	private static Map<String, Object> representations() {
		return Map.of("r", List.of(Map.of("__typename", "Product", "id", "5")));
	}

}
