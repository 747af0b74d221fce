package dev.supergraph.gateway;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.security.RouterSignature;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static dev.supergraph.gateway.Hostile.assertRefused;
import static dev.supergraph.gateway.Hostile.codes;
import static dev.supergraph.gateway.SubgraphAdversarialIT.ORDER_ENTITIES;
import static dev.supergraph.gateway.SubgraphAdversarialIT.PRODUCT_ENTITIES;
import static dev.supergraph.gateway.SubgraphAdversarialIT.USER_EMAIL_ENTITIES;
import static dev.supergraph.gateway.SubgraphAdversarialIT.USER_ORDERS_ENTITIES;
import static dev.supergraph.gateway.SubgraphAdversarialIT.representations;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone on the internal network calling the subgraphs directly, around the router:
 * without the router's signature nothing reaches GraphQL, {@code _entities} and
 * {@code _service} included, whatever token comes along; a signature cannot be guessed or
 * re-used for another operation, and a captured request cannot be replayed; and even a
 * signed {@code _entities} call (a compromised router) opens no one else's data. After
 * every case all three subgraphs still serve.
 */
class DirectSubgraphAdversarialIT {

	static final JsonMapper json = JsonMapper.builder().build();

	static Supergraph supergraph;

	@BeforeAll
	static void subgraphs() {
		supergraph = Supergraph.get();
	}

	@AfterEach
	void subgraphsKeepServing() {
		SubgraphAdversarialIT.assertSubgraphsServe(supergraph);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("unsignedRequests")
	void unsignedRequestsAreRefusedBeforeAnyGraphQlWork(String subgraph, String document,
			Map<String, Object> variables) {
		Response response = supergraph.unsignedSubgraphClient(subgraph)
			.post(document, variables, TestTokens.forUser("1", "orders:read users:read:email"));
		assertRefused(response, 403, "FORBIDDEN");
		assertThat(response.body()).doesNotContain("\"data\"", "type Query", "@example", "SKU-");
	}

	static List<Arguments> unsignedRequests() {
		return List.of(Arguments.of("catalog", "{ _service { sdl } }", Map.of()),
				Arguments.of("orders", "{ _service { sdl } }", Map.of()),
				Arguments.of("users", USER_EMAIL_ENTITIES, representations("User", "6")),
				Arguments.of("orders", ORDER_ENTITIES, representations("Order", "1")),
				Arguments.of("orders",
						"query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { shippingEstimate { amount } } } }",
						Map.of("r", List.of(Map.of("__typename", "Product", "id", "1", "weightGrams", -1_000_000)))),
				Arguments.of("catalog", Hostile.INTROSPECTION, Map.of()),
				Arguments.of("users", "{ users(first: 100) { edges { node { email } } } }", Map.of()));
	}

	@Test
	void stampWithAnotherSecretIsRefused() {
		Response response = supergraph.unsignedSubgraphClient("catalog")
			.signedWith("guessed-secret")
			.post(PRODUCT_ENTITIES, representations("Product", "5"), null);
		assertRefused(response, 403, "FORBIDDEN");
	}

	@Test
	void capturedRouterRequestIsServedOnceAndItsReplayRefused() {
		Map<String, Object> variables = representations("Product", "7");
		byte[] body = body(PRODUCT_ENTITIES, variables);
		String stamp = supergraph.freshnessStamp(body, Instant.now(), nonce());
		Response original = sendStamped("catalog", body, stamp);
		assertThat(original.status()).as(original.body()).isEqualTo(200);
		assertThat(original.body()).contains("SKU-00007");
		Response replayed = sendStamped("catalog", body, stamp);
		assertRefused(replayed, 403, "FORBIDDEN");
		assertThat(replayed.body()).doesNotContain("SKU-");
	}

	@Test
	void requestWithoutAFreshStampOfItsOwnIsRefused() {
		Map<String, Object> variables = representations("Product", "8");
		byte[] body = body(PRODUCT_ENTITIES, variables);
		byte[] other = body(PRODUCT_ENTITIES, representations("Product", "9"));
		String stale = supergraph.freshnessStamp(body, Instant.now().minusSeconds(300), nonce());
		String early = supergraph.freshnessStamp(body, Instant.now().plusSeconds(300), nonce());
		String ofAnotherBody = supergraph.freshnessStamp(other, Instant.now(), nonce());
		String forged = supergraph.freshnessStamp(body, Instant.now(), nonce())
			.replaceAll("s=.*", "s=" + "A".repeat(43));
		for (String stamp : new String[] { null, stale, early, ofAnotherBody, forged, "t=1,n=x,s=y" }) {
			Response response = sendStamped("catalog", body, stamp);
			assertRefused(response, 403, "FORBIDDEN");
			assertThat(response.body()).as(String.valueOf(stamp)).doesNotContain("SKU-");
		}
	}

	@Test
	void stampOfAnotherOperationIsNotReusable() {
		String harmless = "{ categories { id } }";
		Response response = sendWithStampOf(body(harmless, Map.of()), "users",
				body(USER_EMAIL_ENTITIES, representations("User", "6")));
		assertRefused(response, 403, "FORBIDDEN");
	}

	@Test
	void stampOfOtherVariablesIsNotReusable() {
		Response response = sendWithStampOf(body(ORDER_ENTITIES, representations("Order", "999999")), "orders",
				body(ORDER_ENTITIES, representations("Order", "1")));
		assertRefused(response, 403, "FORBIDDEN");
	}

	@Test
	void forgedOrderEntityOfAnotherBuyerIsForbiddenEvenWhenSigned() {
		String orderId = RouterAdversarialIT.placeOrderThrough(supergraph.router(), "85");
		GraphQlHttpClient orders = supergraph.subgraphClient("orders");
		Response other = orders.post(ORDER_ENTITIES, representations("Order", orderId), TestTokens.forUser("86"));
		assertRefused(other, 200, "FORBIDDEN");
		assertThat(other.data().path("_entities").path(0).isNull()).isTrue();
		Response anonymous = orders.post(ORDER_ENTITIES, representations("Order", orderId), null);
		assertThat(codes(anonymous)).isNotEmpty().containsOnly("UNAUTHENTICATED");
		assertThat(anonymous.body()).doesNotContain("amount");
		Response buyer = orders.post(ORDER_ENTITIES, representations("Order", orderId), TestTokens.forUser("85"));
		assertThat(buyer.data().path("_entities").path(0).path("buyer").path("id").asString()).isEqualTo("85");
	}

	@Test
	void forgedUserEntityOpensNeitherEmailNorOrderHistory() {
		Response email = supergraph.subgraphClient("users")
			.post(USER_EMAIL_ENTITIES, representations("User", "6"), TestTokens.forUser("5"));
		assertRefused(email, 200, "FORBIDDEN");
		assertThat(email.body()).doesNotContain("@example");
		Response history = supergraph.subgraphClient("orders")
			.post(USER_ORDERS_ENTITIES, representations("User", "6"), TestTokens.forUser("5"));
		assertRefused(history, 200, "FORBIDDEN");
	}

	/**
	 * A body sent with a fresh stamp of another body, as an attacker reusing one would.
	 */
	static Response sendWithStampOf(byte[] stampedBody, String subgraph, byte[] body) {
		return sendStamped(subgraph, body, supergraph.freshnessStamp(stampedBody, Instant.now(), nonce()));
	}

	static byte[] body(String query, Map<String, ?> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		return json.writeValueAsBytes(body);
	}

	static Response sendStamped(String subgraph, byte[] body, @Nullable String stamp) {
		GraphQlHttpClient client = supergraph.unsignedSubgraphClient(subgraph);
		return (stamp != null) ? client.postRaw("application/json", body, RouterSignature.FRESHNESS_HEADER, stamp)
				: client.postRaw("application/json", body);
	}

	static String nonce() {
		return UUID.randomUUID().toString();
	}

}
