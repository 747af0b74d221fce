package dev.supergraph.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.supergraph.gateway.ReferenceOperationsIT.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL round trips an operation costs across all three subgraphs, measured through the
 * router from each subgraph's {@code subgraph.sql.statements} metric and reported in the
 * test log. The cost depends on the operation's shape, never on how many objects it
 * returns. Each measurement starts with an empty catalog cache: it is the cost of the
 * database path ({@code CatalogCacheIT} measures the cached one).
 */
class OperationCostIT {

	static Supergraph supergraph;

	@BeforeAll
	static void supergraph() {
		supergraph = Supergraph.get();
		ReferenceOperationsIT.router = supergraph.router();
	}

	@Test
	void userOrdersCostsAtMostFiveStatementsForTenOrdersOfFiveItemsAsForOne() {
		String tenOrders = registerWithOrders("701", 10);
		String oneOrder = registerWithOrders("702", 1);
		int ten = cost("UserOrders", Map.of("userId", tenOrders, "first", 10), TestTokens.forUser(tenOrders), 10);
		int one = cost("UserOrders", Map.of("userId", oneOrder, "first", 10), TestTokens.forUser(oneOrder), 1);
		assertThat(ten).isLessThanOrEqualTo(5).isEqualTo(one);
	}

	@Test
	void productPageCostIsTheSameForOneAndFiftyProducts() {
		int one = cost("ProductPage", Map.of("first", 1), null, 1);
		int fifty = cost("ProductPage", Map.of("first", 50), null, 50);
		assertThat(fifty).isEqualTo(one).isLessThanOrEqualTo(2);
	}

	@Test
	void myOrdersAndOrderDetailAndShippingCostsAreReported() {
		String token = TestTokens.forUser("7");
		assertThat(cost("MyOrders", Map.of("first", 10), token, 10)).isLessThanOrEqualTo(3);
		assertThat(cost("ProductShipping", Map.of("id", "42"), null, 1)).isLessThanOrEqualTo(2);
		assertThat(cost("OrderDetail", Map.of("id", "1"), TestTokens.forUser("1"), 1)).isLessThanOrEqualTo(5);
	}

	private static int cost(String operation, Map<String, ?> variables, String token, int objects) {
		supergraph.invalidateCatalogCache();
		Map<String, Integer> before = supergraph.sqlStatements();
		ok(operation, variables, token);
		Map<String, Integer> after = supergraph.sqlStatements();
		List<String> parts = new ArrayList<>();
		int total = 0;
		for (String subgraph : before.keySet()) {
			int spent = after.get(subgraph) - before.get(subgraph);
			parts.add(subgraph + "=" + spent);
			total += spent;
		}
		System.out.printf("[cost] %-16s %3d objects: %d SQL round trips (%s)%n", operation, objects, total,
				String.join(", ", parts));
		return total;
	}

	/** A newly registered user with the given number of orders of five items each. */
	private static String registerWithOrders(String userId, int orders) {
		String token = TestTokens.forUser(userId);
		ok("RegisterUser",
				Map.of("input", Map.of("name", "Buyer " + userId, "email", "buyer" + userId + "@example.com")), token);
		for (int n = 0; n < orders; n++) {
			List<Map<String, Object>> items = new ArrayList<>();
			for (int line = 1; line <= 5; line++) {
				// ids that are no multiple of ten: those are out of stock in the seed
				// catalog
				items.add(Map.of("productId", String.valueOf(n * 10 + line), "quantity", line));
			}
			ok("PlaceOrder", Map.of("input", Map.of("idempotencyKey", UUID.randomUUID().toString(), "items", items)),
					token);
		}
		return userId;
	}

}
