package dev.supergraph.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.supergraph.starter.test.TestTokens;
import org.jspecify.annotations.Nullable;

/**
 * Every string input of every subgraph (arguments, input fields, ids, cursors and, for
 * direct calls, the keys of {@code _entities} representations), each with a document that
 * carries a value in it and what a very long value gets.
 *
 * @param name what the input is, e.g. {@code registerUser.name}
 * @param subgraph the subgraph that owns it
 * @param document the operation, sent to the router and, signed, to the subgraph
 * @param direct the operation sent to the subgraph when it differs (an entity field),
 * else {@code null}
 * @param variables the variables carrying a value in the input
 * @param token the caller's token
 * @param field the path of the input that a refusal names in {@code extensions.field}
 * @param longValue the outcome of a 60,000-character value: a code of a GraphQL error, a
 * {@code userError:} code, or {@code none}
 */
record StringInputs(String name, String subgraph, String document, @Nullable String direct,
		Function<String, Map<String, Object>> variables, @Nullable String token, List<String> field, String longValue) {

	static final String SUPPORT = TestTokens.forUser("5", "orders:read catalog:write");

	static final String ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) { __typename %s } }";

	@Override
	public String toString() {
		return this.name;
	}

	boolean viaRouter() {
		return !this.name.startsWith("_entities");
	}

	String directDocument() {
		return (this.direct != null) ? this.direct : this.document;
	}

	static List<StringInputs> all() {
		return List.of(
				input("registerUser.name", "users", mutation("registerUser", "RegisterUserInput", "user { id }"),
						(s) -> Map.of("name", s, "email", "hostile@example.com"), user("700001"),
						"userError:INVALID_LENGTH", "name"),
				input("registerUser.email", "users", mutation("registerUser", "RegisterUserInput", "user { id }"),
						(s) -> Map.of("name", "Hostile", "email", s), user("700001"), "userError:INVALID_EMAIL",
						"email"),
				input("updateProfile.name", "users", mutation("updateProfile", "UpdateProfileInput", "user { id }"),
						(s) -> Map.of("name", s), user("452"), "userError:INVALID_LENGTH", "name"),
				input("updateProfile.email", "users", mutation("updateProfile", "UpdateProfileInput", "user { id }"),
						(s) -> Map.of("email", s), user("452"), "userError:INVALID_EMAIL", "email"),
				argument("user.id", "users", "query($v: ID!) { user(id: $v) { id } }", "id", "BAD_USER_INPUT"),
				argument("users.after", "users",
						"query($v: String) { users(first: 1, after: $v) { edges { cursor } } }", "after",
						"BAD_USER_INPUT"),
				argument("product.id", "catalog", "query($v: ID!) { product(id: $v) { id } }", "id", "BAD_USER_INPUT"),
				argument("productBySku.sku", "catalog", "query($v: String!) { productBySku(sku: $v) { id } }", "sku",
						"none"),
				argument("products.filter.search", "catalog",
						"query($v: String) { products(first: 1, filter: { search: $v }) { edges { cursor } } }",
						"filter.search", "none"),
				argument("products.filter.categoryId", "catalog",
						"query($v: ID) { products(first: 1, filter: { categoryId: $v }) { edges { cursor } } }",
						"filter.categoryId", "BAD_USER_INPUT"),
				argument("products.after", "catalog",
						"query($v: String) { products(first: 1, after: $v) { edges { cursor } } }", "after",
						"BAD_USER_INPUT"),
				argument("Category.products.after", "catalog",
						"query($v: String) { categories { products(first: 1, after: $v) { edges { cursor } } } }",
						"after", "BAD_USER_INPUT"),
				product("createProduct.sku", (s) -> newProduct(s, "Name", "EUR"), "userError:INVALID_FORMAT", "sku"),
				product("createProduct.name", (s) -> newProduct("HOSTILE-1", s, "EUR"), "userError:INVALID_LENGTH",
						"name"),
				product("createProduct.price.currency", (s) -> newProduct("HOSTILE-2", "Name", s),
						"userError:INVALID_FORMAT", "price.currency"),
				input("updateProductPrice.productId", "catalog",
						mutation("updateProductPrice", "UpdateProductPriceInput", "product { id }"),
						(s) -> Map.of("productId", s, "price", Map.of("amount", "1.00", "currency", "EUR")), SUPPORT,
						"userError:INVALID_FORMAT", "productId"),
				input("placeOrder.idempotencyKey", "orders", mutation("placeOrder", "PlaceOrderInput", "order { id }"),
						(s) -> Map.of("idempotencyKey", s, "items", List.of(Map.of("productId", "1", "quantity", 1))),
						user("453"), "userError:INVALID_FORMAT", "idempotencyKey"),
				input("placeOrder.items.productId", "orders", mutation("placeOrder", "PlaceOrderInput", "order { id }"),
						(s) -> Map.of("idempotencyKey", "hostile-key-1", "items",
								List.of(Map.of("productId", s, "quantity", 1))),
						user("453"), "userError:INVALID_FORMAT", "items.0.productId"),
				input("cancelOrder.orderId", "orders", mutation("cancelOrder", "CancelOrderInput", "order { id }"),
						(s) -> Map.of("orderId", s), user("453"), "userError:INVALID_FORMAT", "orderId"),
				new StringInputs("order.id", "orders", "query($v: ID!) { order(id: $v) { id } }", null,
						(s) -> Map.of("v", s), SUPPORT, List.of("id"), "BAD_USER_INPUT"),
				new StringInputs("User.orders.after", "orders",
						"query($v: String) { user(id: \"453\") { orders(first: 1, after: $v) { edges { cursor } } } }",
						"query($v: String) { _entities(representations: [{ __typename: \"User\", id: \"453\" }]) "
								+ "{ ... on User { orders(first: 1, after: $v) { edges { cursor } } } } }",
						(s) -> Map.of("v", s), TestTokens.forUser("453"), List.of("after"), "BAD_USER_INPUT"),
				entity("users", "User", "id", "BAD_USER_INPUT"), entity("catalog", "Product", "id", "BAD_USER_INPUT"),
				entity("catalog", "Product", "sku", "none"), entity("catalog", "Category", "id", "BAD_USER_INPUT"),
				entity("orders", "Order", "id", "BAD_USER_INPUT"), entity("orders", "User", "id", "BAD_USER_INPUT"),
				entity("orders", "Product", "id", "BAD_USER_INPUT"));
	}

	private static StringInputs argument(String name, String subgraph, String document, String field,
			String longValue) {
		return new StringInputs(name, subgraph, document, null, (s) -> Map.of("v", s), null,
				List.of(field.split("\\.")), longValue);
	}

	private static StringInputs input(String name, String subgraph, String document,
			Function<String, Map<String, Object>> input, String token, String longValue, String field) {
		List<String> path = new ArrayList<>(List.of("input"));
		path.addAll(List.of(field.split("\\.")));
		return new StringInputs(name, subgraph, document, null, (s) -> Map.of("input", input.apply(s)), token, path,
				longValue);
	}

	private static StringInputs product(String name, Function<String, Map<String, Object>> input, String longValue,
			String field) {
		return input(name, "catalog", mutation("createProduct", "CreateProductInput", "product { id }"), input, SUPPORT,
				longValue, field);
	}

	private static StringInputs entity(String subgraph, String type, String key, String longValue) {
		return new StringInputs("_entities " + type + "." + key + " (" + subgraph + ")", subgraph,
				ENTITIES.formatted("... on " + type + " { id }"), null,
				(s) -> Map.of("r", List.of(Map.of("__typename", type, key, s))), SUPPORT,
				List.of("representations", "0", key), longValue);
	}

	private static String user(String id) {
		return TestTokens.forUser(id);
	}

	private static Map<String, Object> newProduct(String sku, String name, String currency) {
		return Map.of("sku", sku, "name", name, "price", Map.of("amount", "1.00", "currency", currency), "categoryId",
				"1", "weightGrams", 100);
	}

	private static String mutation(String field, String inputType, String selection) {
		return "mutation($input: " + inputType + "!) { " + field + "(input: $input) { " + selection
				+ " userErrors { code field } } }";
	}

}
