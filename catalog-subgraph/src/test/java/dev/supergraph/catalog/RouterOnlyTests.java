package dev.supergraph.catalog;

import dev.supergraph.starter.test.RouterOnlyRequests;
import dev.supergraph.starter.test.SubgraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a router secret configured, the catalog answers only requests signed by the
 * router: {@code _service} and {@code _entities} cannot be reached around the router's
 * checks.
 */
@SubgraphTest
@TestPropertySource(properties = "subgraph.security.router-secret=" + RouterOnlyTests.SECRET)
class RouterOnlyTests {

	static final String SECRET = "catalog-test-router-secret-0123456789";

	@LocalServerPort
	int port;

	@Test
	void unsignedServiceAndEntitiesRequestsAreForbidden() {
		requests().assertUnsignedAreForbidden("SKU-");
	}

	@Test
	void requestsSignedWithAnotherSecretOrForAnotherQueryAreForbidden() {
		requests().assertOtherSignaturesAreForbidden();
	}

	@Test
	void signedRequestsAreServed() {
		assertThat(requests().signedEntity().path("sku").asString()).isEqualTo("SKU-00005");
	}

	private RouterOnlyRequests requests() {
		return new RouterOnlyRequests(this.port, SECRET, "Product", "5", "sku");
	}

}
