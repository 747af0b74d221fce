package dev.supergraph.orders;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.UserErrorCodes;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDL this subgraph contributes to composition ({@code _service { sdl }}) carries the
 * client contract of the design, including the types Spring generates for connections.
 */
@SubgraphTest
class OrdersSchemaTests {

	@LocalServerPort
	int port;

	@Test
	void contributedSchemaHasTheContractsEntitiesDirectivesAndConnections() {
		String sdl = GraphQlHttpClient.forPort(this.port)
			.post("{ _service { sdl } }")
			.data()
			.path("_service")
			.path("sdl")
			.asString();
		assertThat(sdl).contains("https://specs.apollo.dev/federation/v2.9")
			.contains("type Order @key(fields : \"id\"")
			.contains("type User @key(fields : \"id\"")
			.contains("type Product @key(fields : \"id\"")
			.contains("weightGrams: Int! @external")
			.contains("shippingEstimate: Money! @requires(fields : \"weightGrams\")")
			.contains("orders(after: String, first: Int): OrderConnection! @authenticated")
			.contains("type OrderConnection")
			.contains("type PageInfo @shareable")
			.contains("type Money @shareable")
			.contains("type UserError @shareable")
			.contains("placeOrder(input: PlaceOrderInput!): PlaceOrderPayload! @authenticated")
			.contains("cancelOrder(input: CancelOrderInput!): CancelOrderPayload! @authenticated")
			.contains("order(id: ID!): Order @authenticated");
	}

	@Test
	void eachMutationDocumentsTheCodesOfItsUserErrors() {
		assertThat(UserErrorCodes.documented(this.port, "placeOrder")).containsExactlyInAnyOrder("INVALID_LENGTH",
				"INVALID_FORMAT", "OUT_OF_RANGE", "DUPLICATE_PRODUCT", "PRODUCT_NOT_FOUND", "UNKNOWN_CURRENCY",
				"OUT_OF_STOCK", "CURRENCY_MISMATCH", "IDEMPOTENCY_KEY_REUSED", "UNREGISTERED_USER");
		assertThat(UserErrorCodes.documented(this.port, "cancelOrder")).containsExactlyInAnyOrder("INVALID_FORMAT",
				"ORDER_NOT_FOUND", "ILLEGAL_TRANSITION");
	}

}
