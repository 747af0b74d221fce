package dev.supergraph.orders.order;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A validated {@code placeOrder} input: distinct products with their quantities, in line
 * order.
 *
 * @param idempotencyKey the client's key
 * @param lines the lines in input order
 */
record PlacementRequest(String idempotencyKey, List<Line> lines) {

	static PlacementRequest of(PlaceOrderInput input) {
		return new PlacementRequest(input.idempotencyKey(),
				input.items().stream().map((item) -> new Line(item.productNumber(), item.quantity())).toList());
	}

	List<Long> productIds() {
		return this.lines.stream().map(Line::productId).toList();
	}

	String itemsDigest() {
		return ItemsDigest.of(this.lines.stream().collect(Collectors.toMap(Line::productId, Line::quantity)));
	}

	/**
	 * One line.
	 *
	 * @param productId the product
	 * @param quantity the units
	 */
	record Line(long productId, int quantity) {

	}

}
