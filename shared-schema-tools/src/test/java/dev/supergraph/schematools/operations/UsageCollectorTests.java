package dev.supergraph.schematools.operations;

import java.nio.file.Path;
import java.util.Set;

import dev.supergraph.schematools.Fixtures;
import dev.supergraph.schematools.schema.SchemaLoader;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsageCollectorTests {

	private static final GraphQLSchema API = SchemaLoader.supergraphApi(Fixtures.read("supergraph.graphql"), "api");

	@Test
	void collectsFieldsThroughFragmentsAcrossSubgraphs() {
		Set<String> usage = UsageCollector.collect(API,
				OperationLoader.read(Fixtures.path("operations/UserOrders.graphql")));
		assertThat(usage).contains("Query.user", "User.orders", "Order.items", "OrderItem.product", "Product.category",
				"Category.name");
	}

	@Test
	void variablesUseEveryInputFieldAndEnumValueOfTheirType() {
		Set<String> usage = UsageCollector.collect(API,
				OperationLoader.read(Fixtures.path("operations/PlaceOrder.graphql")));
		assertThat(usage).contains("Mutation.placeOrder", "Mutation.placeOrder(input:)",
				"PlaceOrderInput.idempotencyKey", "PlaceOrderInput.items", "OrderItemInput.productId",
				"OrderItemInput.quantity");
	}

	@Test
	void literalsUseOnlyWhatTheyWrite() {
		Set<String> usage = UsageCollector.collect(API,
				operation("query InStock { products(first: 5, filter: {inStock: true}) { edges { node { id } } } }"));
		assertThat(usage).contains("Query.products(filter:)", "ProductFilter.inStock", "Query.products(first:)")
			.doesNotContain("ProductFilter.search", "Query.products(after:)");
	}

	@Test
	void unknownSelectionsAreSkippedSoUsageWorksOnAPartialSchema() {
		GraphQLSchema catalog = SchemaLoader.subgraph(Fixtures.read("subgraphs/catalog.graphql"), "catalog");
		Set<String> usage = UsageCollector.collect(catalog,
				OperationLoader.read(Fixtures.path("operations/ProductShipping.graphql")));
		assertThat(usage).contains("Query.product", "Product.weightGrams").doesNotContain("Product.shippingEstimate");
	}

	@Test
	void inlineFragmentsUseTheirTypeCondition() {
		Set<String> usage = UsageCollector.collect(API,
				operation("query { order(id: \"1\") { ... on Order { status total { amount } } } }"));
		assertThat(usage).contains("Order", "Order.status", "Order.total", "Money.amount");
	}

	@Test
	void selectedEnumFieldsReceiveTheirEnumWithoutUsingItsValues() {
		Operation operation = operation("query { order(id: \"1\") { status items { quantity } } }");
		assertThat(UsageCollector.receivedEnums(API, operation)).containsExactly("OrderStatus");
		// it receives values of the enum type, and uses none of them
		assertThat(UsageCollector.collect(API, operation)).contains("Order.status", "OrderStatus")
			.doesNotContain("OrderStatus.PLACED");
		assertThat(UsageCollector.receivedEnums(API, operation("query { order(id: \"1\") { id } }"))).isEmpty();
	}

	private static Operation operation(String text) {
		return new Operation("Inline", Path.of("inline.graphql"), Parser.parse(text));
	}

}
