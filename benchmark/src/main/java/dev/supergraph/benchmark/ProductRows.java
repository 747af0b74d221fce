package dev.supergraph.benchmark;

import java.io.InputStream;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the {@code Product} representations of an {@code _entities} request body, loads
 * them in one statement and writes the response the catalog subgraph gives for the
 * benchmark's selection ({@code id sku name price { amount currency } weightGrams
 * inStock}), in representation order, {@code null} for unknown ids.
 */
final class ProductRows {

	private static final String SELECT = "select id, sku, name, price_amount, price_currency, weight_grams, stock_quantity"
			+ " from product where id = any(?)";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	byte[] entitiesResponse(InputStream body, Connection connection) throws SQLException {
		JsonNode representations = json.readTree(body).path("variables").path("representations");
		List<Long> ids = new ArrayList<>();
		representations.forEach((representation) -> ids.add(Long.parseLong(representation.path("id").asString())));
		Map<Long, ObjectNode> products = load(connection, ids);
		ArrayNode entities = nodes.arrayNode(ids.size());
		ids.forEach((id) -> entities.add(products.getOrDefault(id, null)));
		ObjectNode response = nodes.objectNode();
		response.putObject("data").set("_entities", entities);
		return json.writeValueAsBytes(response);
	}

	private static Map<Long, ObjectNode> load(Connection connection, List<Long> ids) throws SQLException {
		Map<Long, ObjectNode> products = new HashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
			Array array = connection.createArrayOf("bigint", ids.toArray());
			statement.setArray(1, array);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					products.put(rows.getLong(1), product(rows));
				}
			}
		}
		return products;
	}

	private static ObjectNode product(ResultSet row) throws SQLException {
		ObjectNode product = nodes.objectNode();
		product.put("id", String.valueOf(row.getLong(1)));
		product.put("sku", row.getString(2));
		product.put("name", row.getString(3));
		ObjectNode price = product.putObject("price");
		price.put("amount", row.getBigDecimal(4).setScale(2, RoundingMode.HALF_EVEN).toPlainString());
		price.put("currency", row.getString(5));
		product.put("weightGrams", row.getInt(6));
		product.put("inStock", row.getInt(7) > 0);
		return product;
	}

}
