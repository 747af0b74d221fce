package dev.supergraph.gateway;

import java.util.Map;

import dev.supergraph.gateway.support.SubgraphRegistry;
import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.supergraph.gateway.support.ApiKeyTool.eventually;

/**
 * Machine clients with API keys made by the real key tool, through the real router and
 * against the subgraphs directly: scopes decide, the subgraphs check every key again, and
 * a revoked key stops working everywhere without a restart.
 */
class MachineClientIT {

	private static final String ORDER_DETAIL = ReferenceOperationsIT.document("OrderDetail");

	private static final String CREATE_PRODUCT = """
			mutation CreateProduct($input: CreateProductInput!) {
			  createProduct(input: $input) { product { id sku } userErrors { code message } }
			}""";

	private final Supergraph supergraph = Supergraph.get();

	@Test
	void aKeyWithOrdersReadSeesAnyOrderAndOneWithoutSeesNone() {
		String support = createdAndAccepted("support-desk", "orders:read");
		Response allowed = this.supergraph.router().postWithApiKey(ORDER_DETAIL, Map.of("id", "1"), support);
		assertThat(allowed.json().has("errors")).as(allowed.body()).isFalse();
		assertThat(allowed.data().path("order").path("buyer").path("name").asString()).isNotBlank();

		String sync = createdAndAccepted("catalog-sync", "catalog:write");
		Response denied = this.supergraph.router().postWithApiKey(ORDER_DETAIL, Map.of("id", "1"), sync);
		assertThat(denied.data().path("order").isNull()).as(denied.body()).isTrue();
		assertThat(denied.firstErrorCode()).isEqualTo("FORBIDDEN");
	}

	@Test
	void catalogWritesNeedTheScopeAtTheRouterAndAtTheSubgraph() {
		String sync = createdAndAccepted("catalog-sync", "catalog:write");
		Map<String, Object> input = Map.of("input", Map.of("sku", "MACHINE-" + System.nanoTime(), "name", "Synced",
				"price", Map.of("amount", "9.99", "currency", "EUR"), "categoryId", "1", "weightGrams", 100));
		Response created = this.supergraph.router().postWithApiKey(CREATE_PRODUCT, input, sync);
		assertThat(created.json().has("errors")).as(created.body()).isFalse();
		assertThat(created.data().path("createProduct").path("product").path("id").asString()).isNotBlank();

		String reader = createdAndAccepted("reporting", "orders:read");
		Response atRouter = this.supergraph.router().postWithApiKey(CREATE_PRODUCT, input, reader);
		assertThat(atRouter.firstErrorCode()).as(atRouter.body()).isEqualTo("FORBIDDEN");
		// a misconfigured router cannot open it: the catalog refuses the key on its own
		Response atSubgraph = this.supergraph.subgraphClient("catalog").postWithApiKey(CREATE_PRODUCT, input, reader);
		assertThat(atSubgraph.firstErrorCode()).as(atSubgraph.body()).isEqualTo("FORBIDDEN");
	}

	@Test
	void aRevokedKeyIsRefusedByTheRouterAndEverySubgraphWithoutARestart() {
		String leaked = createdAndAccepted("leaked", "orders:read");
		this.supergraph.apiKeys().revoke(leaked);
		eventually(
				() -> this.supergraph.router().postWithApiKey(ORDER_DETAIL, Map.of("id", "1"), leaked).status() == 401);
		Response atRouter = this.supergraph.router().postWithApiKey(ORDER_DETAIL, Map.of("id", "1"), leaked);
		assertThat(atRouter.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(atRouter.body()).doesNotContain(leaked);
		for (String subgraph : SubgraphRegistry.names()) {
			GraphQlHttpClient direct = this.supergraph.subgraphClient(subgraph);
			eventually(() -> direct.postWithApiKey("{ __typename }", Map.of(), leaked).status() == 401);
			assertThat(direct.postWithApiKey("{ __typename }", Map.of(), leaked).firstErrorCode()).as(subgraph)
				.isEqualTo("UNAUTHENTICATED");
		}
	}

	@Test
	void aKeyThatWasNeverIssuedIsRefusedWith401() {
		String forged = "sgk_0123456789ab_" + "x".repeat(43);
		Response response = this.supergraph.router().postWithApiKey(ORDER_DETAIL, Map.of("id", "1"), forged);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.supergraph.subgraphClient("orders")
			.postWithApiKey(ORDER_DETAIL, Map.of("id", "1"), forged)
			.status()).isEqualTo(401);
	}

	private String createdAndAccepted(String client, String... scopes) {
		return this.supergraph.apiKeys().createAccepted(this.supergraph, client, scopes);
	}

}
