package dev.supergraph.gateway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestDatabases.TestDatabase;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller whose token subject has no users record, end to end: the orders subgraph asks
 * the users subgraph before placing an order and answers {@code UNREGISTERED_USER} until
 * the caller registers; an order whose buyer has no record (placed before that rule)
 * still reads as the whole order, its buyer a stand-in whose email is {@code NOT_FOUND}.
 */
class UnregisteredBuyerIT {

	static final String PLACE_ORDER = "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) "
			+ "{ order { id buyer { id name } } userErrors { code message field } } }";

	static final String ORDER = "query($id: ID!) { order(id: $id) { id status total { amount } "
			+ "items { quantity product { sku } } buyer { id name createdAt %s } } }";

	static final JsonMapper json = JsonMapper.builder().build();

	static Supergraph supergraph;

	static GraphQlHttpClient router;

	@BeforeAll
	static void supergraph() {
		supergraph = Supergraph.get();
		router = supergraph.router();
	}

	@Test
	void anUnregisteredCallerCannotOrderUntilRegistered() {
		String token = TestTokens.forUser("700100");
		Map<String, Object> variables = Map.of("input", Map.of("idempotencyKey", "unregistered-e2e-1", "items",
				List.of(Map.of("productId", "4", "quantity", 1))));
		JsonNode refused = router.post(PLACE_ORDER, variables, token).data().path("placeOrder");
		assertThat(refused.path("order").isNull()).isTrue();
		assertThat(refused.path("userErrors").get(0).path("code").asString()).isEqualTo("UNREGISTERED_USER");
		assertThat(refused.path("userErrors").get(0).path("field").isNull()).isTrue();
		assertThat(ordersOf("700100")).isZero();
		Response registered = router
			.post("mutation { registerUser(input: { name: \"Late Buyer\", email: \"late.buyer@example.com\" }) "
					+ "{ user { id } userErrors { code } } }", Map.of(), token);
		assertThat(registered.data().path("registerUser").path("user").path("id").asString()).isEqualTo("700100");
		JsonNode placed = router.post(PLACE_ORDER, variables, token).data().path("placeOrder");
		assertThat(placed.path("userErrors")).isEmpty();
		assertThat(placed.path("order").path("buyer").path("name").asString()).isEqualTo("Late Buyer");
		assertThat(ordersOf("700100")).isEqualTo(1);
	}

	@Test
	void anOrderWhoseBuyerHasNoRecordReadsWholeWithAStandInBuyer() throws SQLException {
		String orderId = legacyOrder(700200);
		Response response = router.post(ORDER.formatted(""), Map.of("id", orderId), TestTokens.forUser("700200"));
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		JsonNode order = response.data().path("order");
		assertThat(order.path("id").asString()).isEqualTo(orderId);
		assertThat(order.path("status").asString()).isEqualTo("PLACED");
		assertThat(order.path("total").path("amount").asString()).isEqualTo("84.18");
		assertThat(order.path("items").get(0).path("product").path("sku").asString()).isEqualTo("SKU-00001");
		assertThat(json.convertValue(order.path("buyer"), Map.class))
			.isEqualTo(Map.of("id", "700200", "name", "Unknown user", "createdAt", "1970-01-01T00:00:00Z"));
	}

	@Test
	void theStandInBuyersEmailIsNotFoundAndItsNameFollowsTheLanguage() throws SQLException {
		String orderId = legacyOrder(700201);
		Response response = router.postWithHeaders(ORDER.formatted("email"), Map.of("id", orderId),
				Map.of("Authorization", "Bearer " + TestTokens.forUser("700201"), "Accept-Language", "de"));
		assertThat(response.data().path("order").path("id").asString()).as(response.body()).isEqualTo(orderId);
		assertThat(response.data().path("order").path("buyer").path("name").asString()).isEqualTo("Unbekannter Nutzer");
		assertThat(response.data().path("order").path("buyer").path("email").isNull()).isTrue();
		JsonNode error = response.json().path("errors").get(0);
		assertThat(response.json().path("errors")).hasSize(1);
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(error.path("message").asString()).isEqualTo("Nutzer 700201 ist nicht registriert.");
		assertThat(error.path("path").valueStream().map(JsonNode::asString)).containsExactly("order", "buyer", "email");
	}

	/**
	 * An order of a buyer without a users record, as orders placed before the rule are.
	 */
	private static String legacyOrder(long buyer) throws SQLException {
		try (Connection connection = connect("orders")) {
			PreparedStatement order = connection.prepareStatement("insert into orders (buyer_id, status, "
					+ "total_amount, total_currency, placed_at, idempotency_key, items_digest) "
					+ "values (?, 'PLACED', 84.18, 'EUR', now(), 'legacy-order-1', 'legacy') returning id");
			order.setLong(1, buyer);
			ResultSet ids = order.executeQuery();
			ids.next();
			long id = ids.getLong(1);
			PreparedStatement item = connection.prepareStatement("insert into order_item (order_id, line_no, "
					+ "product_id, quantity, unit_price_amount, unit_price_currency) values (?, 0, 1, 1, 84.18, 'EUR')");
			item.setLong(1, id);
			item.executeUpdate();
			return String.valueOf(id);
		}
	}

	private static int ordersOf(String buyer) {
		try (Connection connection = connect("orders");
				PreparedStatement count = connection
					.prepareStatement("select count(*) from orders where buyer_id = ?")) {
			count.setLong(1, Long.parseLong(buyer));
			ResultSet result = count.executeQuery();
			result.next();
			return result.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Connection connect(String subgraph) throws SQLException {
		TestDatabase database = supergraph.database(subgraph);
		return DriverManager.getConnection(database.url(), database.username(), database.password());
	}

}
